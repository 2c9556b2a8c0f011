// Any input file (CSV or XLSX, one sheet or all) read as records of one kind,
// streaming: records and problems are handed over one at a time.
import type { Encoding } from '../io/decode.js';
import type { FieldSpec } from '../io/header.js';
import { openSheets } from '../io/open-sheets.js';
import type { SheetSelector } from '../io/sheet-source.js';
import { tableEvents, type TableHeader } from '../io/table-locator.js';
import type { Problem } from '../problems/problem.js';
import { readRecords, type InputKind, type RecordSink } from '../schema/table-records.js';

export interface ReadOptions {
  encoding?: Encoding;
  sheet?: SheetSelector;
  /** extra header texts per canonical field */
  aliases?: Readonly<Record<string, string[]>>;
}

export interface ReadSummary {
  tables: TableHeader[];
  rows: number;
}

/** Field specs extended by user-given header aliases. */
export function withAliases(fields: FieldSpec[], extra: Readonly<Record<string, string[]>> = {}): FieldSpec[] {
  return fields.map((f) => ({ ...f, aliases: [...f.aliases, ...(extra[f.field] ?? [])] }));
}

export async function readFileRecords<T>(
  path: string,
  display: string,
  kind: InputKind<T>,
  options: ReadOptions,
  onRecord: RecordSink<T>,
  onProblem: (p: Problem) => void,
): Promise<ReadSummary> {
  const withUserAliases: InputKind<T> = { ...kind, fields: withAliases(kind.fields, options.aliases) };
  const summary: ReadSummary = { tables: [], rows: 0 };
  for await (const sheet of openSheets(path, display, { ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) })) {
    const result = await readRecords(tableEvents(sheet, withUserAliases.fields, kind.label), withUserAliases, onRecord, onProblem);
    summary.tables.push(...result.tables);
    summary.rows += result.rows;
  }
  return summary;
}
