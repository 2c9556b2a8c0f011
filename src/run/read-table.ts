// Any input file (CSV or XLSX, one sheet or all) read as records of one kind,
// streaming: records and problems are handed over one at a time.
import { openSheets, type OpenOptions } from '../io/open-sheets.js';
import { peekRows, type SheetHead } from '../io/sheet-source.js';
import { tableEvents, type TableHeader } from '../io/table-locator.js';
import type { Problem } from '../problems/problem.js';
import type { FieldSpec, InputKind } from '../schema/input-kind.js';
import { readRecords, type RecordSink } from './table-records.js';

export interface ReadOptions extends OpenOptions {
  /** extra header texts per canonical field */
  aliases?: Readonly<Record<string, string[]>>;
}

export interface ReadSummary<T> {
  /** the kind read (chosen from the first sheet's head when a chooser was given) */
  kind: InputKind<T>;
  tables: TableHeader[];
  rows: number;
}

/** Picks the kind from the head of the first sheet, for callers that do not know it. */
export interface KindChooser<T> {
  sampleRows: number;
  choose(head: SheetHead): Promise<InputKind<T>>;
}

/** Field specs extended by user-given header aliases. */
export function withAliases(fields: FieldSpec[], extra: Readonly<Record<string, string[]>> = {}): FieldSpec[] {
  return fields.map((f) => ({ ...f, aliases: [...f.aliases, ...(extra[f.field] ?? [])] }));
}

export async function readFileRecords<T>(
  path: string,
  display: string,
  kindOrChooser: InputKind<T> | KindChooser<T>,
  options: ReadOptions,
  onRecord: RecordSink<T>,
  onProblem: (p: Problem) => void,
): Promise<ReadSummary<T>> {
  let kind = 'choose' in kindOrChooser ? undefined : kindOrChooser;
  let withUserAliases = kind && { ...kind, fields: withAliases(kind.fields, options.aliases) };
  const summary: { tables: TableHeader[]; rows: number } = { tables: [], rows: 0 };
  const { aliases: _aliases, ...openOptions } = options;
  for await (const opened of openSheets(path, display, openOptions)) {
    let sheet = opened;
    if (!kind || !withUserAliases) {
      // the file is opened once: its kind is judged from the first sheet's head, then read on
      const chooser = kindOrChooser as KindChooser<T>;
      const peeked = await peekRows(sheet, chooser.sampleRows);
      sheet = peeked.source;
      kind = await chooser.choose(peeked.head);
      withUserAliases = { ...kind, fields: withAliases(kind.fields, options.aliases) };
    }
    const result = await readRecords(tableEvents(sheet, withUserAliases.fields, kind.label), withUserAliases, onRecord, onProblem);
    summary.tables.push(...result.tables);
    summary.rows += result.rows;
  }
  if (!kind) {
    // no sheet at all: the chooser still says what was expected
    kind = await (kindOrChooser as KindChooser<T>).choose({ merges: [], rows: [] });
  }
  return { kind, ...summary };
}
