// Read a fixture file with the real input layer and return compact views of what came out.
import { join } from 'node:path';
import type { Encoding } from '../../src/io/decode.js';
import type { SheetSelector } from '../../src/io/sheet-source.js';
import { InputError, type Problem } from '../../src/problems/problem.js';
import { readFileRecords } from '../../src/run/read-table.js';
import { ROSTER_KIND, type RosterRow } from '../../src/schema/roster.js';
import type { InputKind } from '../../src/schema/input-kind.js';
import { ROOT } from './fixture-copy.js';

export interface ReadResult<T> {
  records: { row: number; value: T; extra?: Readonly<Record<string, string>> }[];
  problems: Problem[];
  tables: { title?: string; sheet?: string; headerRows: number[] }[];
}

export async function readFixture<T = RosterRow>(
  file: string,
  kind: InputKind<T> = ROSTER_KIND as unknown as InputKind<T>,
  options: { encoding?: Encoding; sheet?: SheetSelector } = {},
  path = join(ROOT, 'fixtures/messy', file),
): Promise<ReadResult<T>> {
  const records: ReadResult<T>['records'] = [];
  const problems: Problem[] = [];
  const summary = await readFileRecords(path, file, kind, options, (value, row, _table, extra) => records.push({ row, value, ...(extra ? { extra } : {}) }), (p) => problems.push(p));
  return { records, problems, tables: summary.tables.map((t) => ({ ...(t.title ? { title: t.title } : {}), ...(t.sheet ? { sheet: t.sheet } : {}), headerRows: t.headerRows })) };
}

/** Compact problem list as Frictionless tests write them: [row, column, code]. */
export function rowProblems(problems: readonly Problem[]): [number | undefined, string | undefined, string][] {
  return problems.map((p) => [p.where.row, p.where.column, p.code]);
}

export function roster(records: { row: number; value: RosterRow }[]): unknown[][] {
  return records.map(({ row, value: r }) => [row, r.name, r.approved.toString(), r.paid.toString(), r.aidType]);
}

export async function readError(file: string, options: { encoding?: Encoding } = {}, path?: string): Promise<Problem> {
  try {
    await readFixture(file, undefined, options, path);
  } catch (e) {
    if (e instanceof InputError && e.problems[0]) return e.problems[0];
    throw e;
  }
  throw new Error(`reading ${file} did not fail`);
}
