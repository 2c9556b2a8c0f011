// jixiao review: the score tables of submitted reports read as printed and checked, each
// finding at its cell. Files, folders and patterns as batch takes them; a .doc is refused
// with what to do.
import { extname, isAbsolute, relative } from 'node:path';
import { checkPrintedTable } from '../checks/printed-table.js';
import { checkReportText, type ReportText } from '../checks/report-text.js';
import { checkSelfEvaluationForm } from '../checks/self-evaluation-form.js';
import { decodeText } from '../io/decode.js';
import { docxParagraphs } from '../io/docx-tables.js';
import { DEFAULT_LIMITS } from '../io/limits.js';
import { readCapped } from '../io/structured-file.js';
import { tablesAgree } from '../checks/tables-agree.js';
import type { OpenOptions } from '../io/open-sheets.js';
import { InputError, inputError, problem, type Problem } from '../problems/problem.js';
import { nationalRuleFindings, type NationalRule } from '../engine/national-expectation.js';
import type { GradeBand } from '../schema/grades.js';
import type { PrintedTable } from '../schema/score-table.js';
import { expandInputs } from './input-files.js';
import { readScoreTables } from './read-score-table.js';

export interface ReviewedTable {
  table: PrintedTable;
  findings: Problem[];
}

export interface ReviewedText {
  file: string;
  paragraphs: number;
  findings: Problem[];
}

export interface ReviewResult {
  tables: ReviewedTable[];
  /** the report's text (a .docx's paragraphs, a .txt's lines) against its tables */
  texts: ReviewedText[];
  /** files that could not be read, with why */
  unreadable: Problem[];
  /** what was left out of files that were read (sheets that hold no score table) */
  notes: Problem[];
}

export interface ReviewOptions {
  /** the grade bands the printed grade must follow */
  grades: readonly GradeBand[];
  /** the national rule every row's points are checked against; else only rows that state one */
  rule?: NationalRule;
}

export async function reviewFiles(targets: readonly string[], review: ReviewOptions, options: OpenOptions = {}): Promise<ReviewResult> {
  const tables: ReviewedTable[] = [];
  const unreadable: Problem[] = [];
  const notes: Problem[] = [];
  const texts: ReportText[] = [];
  const { files, missing } = await expandInputs(targets, (given, path) => (isAbsolute(given) ? path : relative(process.cwd(), path) || path), /\.(csv|xlsx|docx|txt)$/i);
  unreadable.push(...missing.filter((p) => p.severity === 'error'));
  notes.push(...missing.filter((p) => p.severity !== 'error'));
  for (const { path, display: shown } of files) {
    try {
      if (/^\.doc$/i.test(extname(path))) {
        throw inputError('doc-unsupported', '不能读取旧版 Word（.doc）文件', { file: shown }, { hint: '在 Word 或 WPS 中另存为 .docx，或把评分表复制到 Excel 另存为 .xlsx' });
      }
      if (/^\.txt$/i.test(extname(path))) {
        // a report's text as plain text: one paragraph a line
        const lines = decodeText(await readCapped(path, shown, options.limits?.['config-mb'] ?? DEFAULT_LIMITS['config-mb']), shown).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
        texts.push({ file: shown, paragraphs: lines });
        continue;
      }
      if (/^\.docx$/i.test(extname(path))) texts.push({ file: shown, paragraphs: await docxParagraphs(path, shown, options.limits) });
      const read = await readScoreTables(path, shown, options);
      notes.push(...read.problems.filter((p) => p.severity !== 'error'));
      unreadable.push(...read.problems.filter((p) => p.severity === 'error'));
      for (const table of read.tables) {
        const national = nationalRuleFindings(table, review.rule);
        // a row the national rule scores says more than 'full points despite a miss' does
        const arithmetic = checkPrintedTable(table, { grades: review.grades }).filter((p) => !(p.code === 'full-despite-miss' && national.some((n) => n.where.row === p.where.row)));
        const findings = [...arithmetic, ...checkSelfEvaluationForm(table), ...national].sort((a, b) => (a.where.row ?? 0) - (b.where.row ?? 0));
        tables.push({ table, findings });
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable.push(...e.problems);
    }
  }
  // the same indicator in several tables: each disagreement goes with the later table's cell
  for (const p of tablesAgree(tables.map((t) => t.table))) tables.find((t) => t.table.file === p.where.file && (t.table.sheet ?? '') === (p.where.sheet ?? ''))?.findings.push(p);
  if (tables.length === 0 && unreadable.length === 0) unreadable.push(problem('error', 'score-table-missing', '没有读到任何评分表', {}, { hint: '给出评分表的 CSV / XLSX 文件，或含这些文件的目录' }));
  // the text against every table given: they are one report's
  const reviewedTexts = texts.filter((t) => t.paragraphs.length > 0).map((t) => ({ file: t.file, paragraphs: t.paragraphs.length, findings: checkReportText(t, tables.map((x) => x.table), review.grades) }));
  return { tables, texts: reviewedTexts, unreadable, notes };
}
