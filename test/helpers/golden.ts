// Reviewed copies of whole outputs in fixtures/expected/: a change to any figure or
// wording shows as a diff. After a deliberate change, rewrite them with
// UPDATE_GOLDEN=1 npx vitest run <test file> and review the diff before committing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import ExcelJS from 'exceljs';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { ZipArchive } from '../../src/io/zip-archive.js';
import { ROOT } from './fixture-copy.js';

export function expectGolden(name: string, value: unknown): void {
  const path = join(ROOT, 'fixtures/expected', `${name}.json`);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

/** A workbook as a reader sees it: per sheet its cells (value and number format), merges, widths, row heights, print setup, page breaks. */
export function workbookView(wb: ExcelJS.Workbook, breaks?: readonly number[][]): unknown {
  return wb.worksheets.map((ws, i) => {
    const rows: Record<string, unknown>[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: Record<string, unknown> = {};
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells[cell.address] = cell.numFmt ? [cell.value, cell.numFmt] : cell.value;
      });
      rows.push({ row: r, height: row.height ?? null, ...cells });
    });
    return {
      name: ws.name,
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      widths: ws.columns?.map((c) => c.width ?? null) ?? [],
      print: {
        paperSize: ws.pageSetup.paperSize ?? null,
        orientation: ws.pageSetup.orientation ?? null,
        fitToPage: ws.pageSetup.fitToPage ?? null,
        scale: ws.pageSetup.scale ?? null,
        printTitlesRow: ws.pageSetup.printTitlesRow ?? null,
        footer: ws.headerFooter?.oddFooter ?? null,
        // the rows after which a page breaks (exceljs does not read them back: from the sheet's XML)
        breaks: breaks?.[i] ?? [],
      },
      rows,
    };
  });
}

/** workbookView of a written file, with each sheet's manual page breaks read from its XML (sheets as exceljs numbers them). */
export async function workbookFileView(path: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const zip = await ZipArchive.open(path, path, DEFAULT_LIMITS);
  try {
    const breaks: number[][] = [];
    for (let i = 1; i <= wb.worksheets.length; i += 1) {
      const xml = (await zip.text(`xl/worksheets/sheet${i}.xml`, 100, 'xlsx-part-mb')) ?? '';
      breaks.push([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1])));
    }
    return workbookView(wb, breaks);
  } finally {
    zip.close();
  }
}
