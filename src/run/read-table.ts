// Any input table (CSV or XLSX) located and ready for its schema.
import { extname } from 'node:path';
import { readCsvTable } from '../io/csv.js';
import { locateTable, type FieldSpec, type LocatedTable } from '../io/header.js';
import { readXlsxTable } from '../io/xlsx.js';
import { InputError, inputError } from '../problems/problem.js';

export async function readLocatedTable(path: string, display: string, fields: FieldSpec[], kindLabel: string, sheet?: string | number): Promise<LocatedTable> {
  const ext = extname(path).toLowerCase();
  let raw;
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') raw = await readCsvTable(path, display);
  else if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls' || ext === '.et') raw = await readXlsxTable(path, display, sheet);
  else throw inputError('file-type', `不支持的文件类型 ${ext || '（无扩展名）'}`, { file: display }, { expected: '.csv 或 .xlsx' });
  const { located, problems } = locateTable(raw, fields, kindLabel);
  if (!located) throw new InputError(problems);
  return located;
}

/** Field specs extended by the evaluation's header aliases. */
export function withAliases(fields: FieldSpec[], extra: Readonly<Record<string, string[]>>): FieldSpec[] {
  return fields.map((f) => ({ ...f, aliases: [...f.aliases, ...(extra[f.field] ?? [])] }));
}
