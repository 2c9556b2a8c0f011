// jixiao review: the score tables of submitted reports read as printed and checked, each
// finding at its cell. Folders are read for their tables (*.csv, *.xlsx); a .doc is refused
// with what to do.
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { checkPrintedTable } from '../checks/printed-table.js';
import type { OpenOptions } from '../io/open-sheets.js';
import { InputError, inputError, problem, type Problem } from '../problems/problem.js';
import type { GradeBand } from '../schema/grades.js';
import type { PrintedTable } from '../schema/score-table.js';
import { readScoreTables } from './read-score-table.js';

export interface ReviewedTable {
  table: PrintedTable;
  findings: Problem[];
}

export interface ReviewResult {
  tables: ReviewedTable[];
  /** files that could not be read, with why */
  unreadable: Problem[];
  /** what was left out of files that were read (sheets that hold no score table) */
  notes: Problem[];
}

const TABLE_FILES = /\.(csv|xlsx|xlsm)$/i;

/** The files the arguments name: files as given, folders' tables sorted by name. */
async function filesOf(targets: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of targets) {
    const abs = resolve(t);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory()) out.push(...(await readdir(abs)).filter((f) => TABLE_FILES.test(f)).sort().map((f) => join(abs, f)));
    else out.push(abs);
  }
  return out;
}

export async function reviewFiles(targets: readonly string[], grades: readonly GradeBand[], options: OpenOptions = {}): Promise<ReviewResult> {
  const tables: ReviewedTable[] = [];
  const unreadable: Problem[] = [];
  const notes: Problem[] = [];
  for (const path of await filesOf(targets)) {
    const shown = relative(process.cwd(), path) || path;
    try {
      if (/^\.doc$/i.test(extname(path))) {
        throw inputError('doc-unsupported', '不能读取旧版 Word（.doc）文件', { file: shown }, { hint: '在 Word 或 WPS 中另存为 .docx，或把评分表复制到 Excel 另存为 .xlsx' });
      }
      const read = await readScoreTables(path, shown, options);
      notes.push(...read.problems.filter((p) => p.severity !== 'error'));
      unreadable.push(...read.problems.filter((p) => p.severity === 'error'));
      for (const table of read.tables) tables.push({ table, findings: checkPrintedTable(table, { grades }) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable.push(...e.problems);
    }
  }
  if (tables.length === 0 && unreadable.length === 0) unreadable.push(problem('error', 'score-table-missing', '给出的目录中没有 CSV / XLSX 文件', {}));
  return { tables, unreadable, notes };
}
