// Reads CSV text as one input kind through the real input layer (readFileRecords):
// the records (with the cells of unrecognised columns), every problem (also those of a refused table) and the tables found.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileRecords } from '../../src/run/read-table.js';
import { InputError, type Problem } from '../../src/problems/problem.js';
import type { TableHeader } from '../../src/io/table-locator.js';
import type { InputKind } from '../../src/schema/input-kind.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-read-kind-'));
let n = 0;

export async function readAs<T>(kind: InputKind<T>, csv: string, file?: string): Promise<{ records: unknown[]; extras: (Readonly<Record<string, string>> | undefined)[]; problems: Problem[]; tables: TableHeader[] }> {
  // a file (e.g. an XLSX) when given, else the CSV text written to one
  const path = file ?? join(dir, `t${(n += 1)}.csv`);
  if (!file) writeFileSync(path, csv);
  const records: unknown[] = [];
  const extras: (Readonly<Record<string, string>> | undefined)[] = [];
  const problems: Problem[] = [];
  let tables: TableHeader[] = [];
  try {
    const summary = await readFileRecords(
      path,
      file ? 't.xlsx' : 't.csv',
      kind,
      {},
      (value, _row, _table, extra) => {
        records.push(value);
        extras.push(extra);
      },
      (p) => problems.push(p),
    );
    tables = summary.tables;
  } catch (e) {
    // a refused file is its problems; anything else is a bug the test must see
    if (!(e instanceof InputError)) throw e;
    problems.push(...e.problems);
  }
  return { records, extras, problems, tables };
}
