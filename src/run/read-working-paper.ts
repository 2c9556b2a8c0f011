// A filled working paper (评分底稿.xlsx) read back as a judgements file: each input
// cell goes to its leaf's answer at the key the paper was written with, so scoring
// from the paper and from the equivalent YAML give the same result. A paper made for
// another version of the tree is refused; answers that do not fit their rule kind are
// reported at their sheet, row and column.
import type { CellValue } from 'exceljs';
import ExcelJS from '../io/exceljs.js';
import { kindOf } from '../engine/rules/registry.js';
import { leaves, type IndicatorTree } from '../engine/tree.js';
import { InputError, problem, type Problem } from '../problems/problem.js';
import { FIRST_ANSWER_ROW, GIVEN_COLUMNS, GIVEN_SHEET, META_SHEET, PAPER_COLUMNS, PAPER_SHEET, PRINTED_TOTAL_KEY } from '../report/working-paper.js';

/** A cell as the evaluator typed it: text trimmed, numbers as numbers, nothing as undefined. */
function typed(value: CellValue): string | number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('').trim() || undefined;
  if (typeof value === 'object' && 'result' in value) return typed(value.result as CellValue);
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function setAt(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let at = target;
  for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[parts[parts.length - 1] as string] = value;
}

/** The judgements file a paper holds: { judgements, metrics }, as the YAML one would be. */
export async function readWorkingPaper(path: string, display: string, tree: IndicatorTree, treeHash: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch {
    throw new InputError([problem('error', 'paper-unreadable', '评分底稿无法打开（不是有效的 XLSX 文件）', { file: display })]);
  }
  const paper = wb.getWorksheet(PAPER_SHEET);
  const meta = wb.getWorksheet(META_SHEET);
  if (!paper || !meta) {
    throw new InputError([problem('error', 'paper-unreadable', `不是 jixiao 生成的评分底稿（缺少「${PAPER_SHEET}」表或版本信息）`, { file: display }, { hint: '用 jixiao worksheet 生成评分底稿后填写' })]);
  }
  if (typed(meta.getCell('B1').value) !== treeHash) {
    throw new InputError([
      problem('error', 'paper-tree-changed', '评分底稿是按另一版本的指标体系生成的，指标或评分规则可能已经改变', { file: display }, { hint: '用 jixiao worksheet 按当前指标体系重新生成，把回答移过去' }),
    ]);
  }

  const judgements: Record<string, Record<string, unknown>> = {};
  const rowOf = new Map<string, number>();
  let printedTotal: string | number | undefined;
  paper.eachRow((row, n) => {
    const key = typed(row.getCell(PAPER_COLUMNS.key).value);
    const id = typed(row.getCell(PAPER_COLUMNS.id).value);
    if (typeof key !== 'string' || typeof id !== 'string' || n < FIRST_ANSWER_ROW) return;
    if (key === PRINTED_TOTAL_KEY) {
      printedTotal = typed(row.getCell(PAPER_COLUMNS.answer).value);
      return;
    }
    rowOf.set(`${id}#${key}`, n);
    const answer = typed(row.getCell(PAPER_COLUMNS.answer).value);
    const need = typed(row.getCell(PAPER_COLUMNS.need).value);
    if (answer === undefined) return;
    // a counted item: 现有 in 回答, 应有 beside it
    setAt((judgements[id] ??= {}), key, need === undefined ? answer : { have: answer, need });
  });

  // each leaf's answer checked against its kind here, so a slip is shown at its cell
  const problems: Problem[] = [];
  for (const leaf of leaves(tree.indicators)) {
    // a report's printed score is no answer to the rule (score compares it)
    const { printed: _printed, ...answer } = judgements[leaf.id] ?? {};
    if (Object.keys(answer).length === 0 || !leaf.rule) continue;
    const parsed = kindOf(leaf.rule.kind).answer.safeParse(answer);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      const row = rowOf.get(`${leaf.id}#${key}`) ?? [...rowOf.entries()].find(([k]) => k.startsWith(`${leaf.id}#${key}`))?.[1];
      problems.push(
        problem('error', 'paper-answer-invalid', `${leaf.path.join(' > ')}：回答不符合要求（${issue.message}）`, { file: display, sheet: PAPER_SHEET, ...(row ? { row } : {}), column: '回答' }),
      );
    }
  }
  if (problems.length > 0) throw new InputError(problems);

  const metrics: Record<string, Record<string, unknown>> = {};
  wb.getWorksheet(GIVEN_SHEET)?.eachRow((row, n) => {
    if (n < FIRST_ANSWER_ROW) return;
    const [name, label, value, kind, source] = GIVEN_COLUMNS.map((_, i) => typed(row.getCell(i + 1).value));
    if (typeof name !== 'string') return;
    metrics[name] = { value, label, ...(kind !== undefined ? { kind } : {}), source };
  });
  return { judgements, metrics, ...(printedTotal !== undefined ? { printed_total: printedTotal } : {}) };
}
