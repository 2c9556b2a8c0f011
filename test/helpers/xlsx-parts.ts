// Workbooks built part by part, in any zip entry order, the way Excel, WPS and
// other writers store them: for tests of the XLSX reader (exceljs always writes
// one order, so it cannot make these files).
import { createWriteStream } from 'node:fs';
import yazl from 'yazl';

export interface SheetSpec {
  name: string;
  rows: string[][];
}

export interface PartsOptions {
  /** cells as inline strings instead of the shared-strings table */
  inline?: boolean;
  /** a namespace prefix on every SpreadsheetML element, as some generators write (`x:`) */
  prefix?: string;
  /** leave out the `r` attribute of rows and cells (valid OOXML) */
  noRefs?: boolean;
  /** extra XML inside <worksheet> after <sheetData>, per sheet index */
  afterSheetData?: Record<number, string>;
  styles?: string;
  date1904?: boolean;
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function col(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** The parts of a workbook, by part name, in the order Excel writes them (sheets before shared strings). */
export function workbookParts(sheets: SheetSpec[], options: PartsOptions = {}): [string, string][] {
  const p = options.prefix ?? '';
  const ns = p ? ` xmlns:${p.replace(':', '')}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const sheetXml = sheets.map((sheet, si) => {
    const rows = sheet.rows
      .map((cells, ri) => {
        const cs = cells
          .map((text, ci) => {
            // without references a column is known only by its place: an empty cell must be there
            if (text === '') return options.noRefs ? `<${p}c/>` : '';
            const ref = options.noRefs ? '' : ` r="${col(ci + 1)}${ri + 1}"`;
            if (/^-?\d+(\.\d+)?$/.test(text)) return `<${p}c${ref}><${p}v>${text}</${p}v></${p}c>`;
            if (options.inline) return `<${p}c${ref} t="inlineStr"><${p}is><${p}t>${esc(text)}</${p}t></${p}is></${p}c>`;
            let i = stringIndex.get(text);
            if (i === undefined) {
              i = strings.length;
              strings.push(text);
              stringIndex.set(text, i);
            }
            return `<${p}c${ref} t="s"><${p}v>${i}</${p}v></${p}c>`;
          })
          .join('');
        return `<${p}row${options.noRefs ? '' : ` r="${ri + 1}"`}>${cs}</${p}row>`;
      })
      .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet${ns}><${p}sheetData>${rows}</${p}sheetData>${options.afterSheetData?.[si] ?? ''}</${p}worksheet>`;
  });
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><${p}workbook${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets>${sheets
        .map((s, i) => `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</${p}sheets></${p}workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('')}${rel(`rId${sheets.length + 1}`, 'sharedStrings', 'sharedStrings.xml')}${rel(`rId${sheets.length + 2}`, 'styles', 'styles.xml')}</Relationships>`,
    ],
    ...sheetXml.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
    ['xl/styles.xml', options.styles ?? `<?xml version="1.0" encoding="UTF-8"?><styleSheet${ns}><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`],
    [
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><${p}sst${ns} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<${p}si><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}si>`).join('')}</${p}sst>`,
    ],
  ];
  return parts;
}

/** Writes the parts as a zip in the given order (deflated, as every writer does). */
export async function writeParts(path: string, parts: readonly [string, string | Buffer][]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of parts) zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name, { mtime: new Date(Date.UTC(2020, 0, 1)) });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    zip.outputStream.pipe(out).on('close', resolve).on('error', reject);
  });
}

/** Orders of the same parts: Excel's (shared strings after the sheets), the reverse, workbook.xml first or last. */
export const ENTRY_ORDERS: Record<string, (parts: [string, string][]) => [string, string][]> = {
  'Excel (shared strings after sheets)': (parts) => parts,
  'shared strings before sheets': (parts) => [...parts.filter(([n]) => !n.includes('worksheets/')), ...parts.filter(([n]) => n.includes('worksheets/'))],
  'workbook.xml first': (parts) => [...parts.filter(([n]) => n === 'xl/workbook.xml'), ...parts.filter(([n]) => n !== 'xl/workbook.xml')],
  'workbook.xml last': (parts) => [...parts.filter(([n]) => n !== 'xl/workbook.xml'), ...parts.filter(([n]) => n === 'xl/workbook.xml')],
  'reversed': (parts) => [...parts].reverse(),
};
