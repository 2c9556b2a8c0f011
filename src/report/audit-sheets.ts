// The audit's sheets: 数据核查 (one row per finding, with whom it concerns, the
// ID masked unless --show-pii) and 核查汇总 (counts per check, persons vs person-times).
import type { Row, Workbook, Worksheet } from 'exceljs';
import type { Check } from '../checks/check.js';
import type { AuditResult } from '../checks/run-checks.js';
import { SEVERITY_LABEL, foundText, maskNumber, type Problem } from '../problems/problem.js';
import { addSheet, styleRow, type ColumnSpec } from './sheet-style.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Findings listed in the 数据核查 sheet at most: errors first, then warnings, then
 * information. A sheet holds 1,048,576 rows and nobody reads that many; past this the
 * sheet says how many more there are, the counts in 核查汇总 stay complete, and
 * `--format json` gives them all.
 */
export const MAX_LISTED_FINDINGS = 100_000;

/** Each finding's check, looked up once (searching every check's list per finding is quadratic). */
function checksOf(audit: AuditResult): Map<Problem, Check> {
  const checks = new Map<Problem, Check>();
  for (const { check, findings } of audit.byCheck) for (const f of findings) checks.set(f, check);
  return checks;
}

/** The file as the user named it, with the sheet when there is one: 2020.xlsx（2020年） */
function placeOf(f: Problem): string {
  const { file, sheet } = f.where;
  return [file, sheet && `（${sheet}）`].filter(Boolean).join('');
}

/** The workbook API the in-memory and the streaming writer share. */
type AnyWorkbook = Pick<Workbook, 'addWorksheet'>;

export interface AuditSheetOptions {
  showPii?: boolean;
  maxListed?: number;
  /**
   * Called with each finished row: the streaming writer commits it (and masks it),
   * the in-memory one needs nothing. Sheets are committed after their last row.
   */
  commit?: (row: Row) => void;
}

export function addAuditSheets(wb: AnyWorkbook, audit: AuditResult, title: string, options: AuditSheetOptions = {}): void {
  const { showPii = false, maxListed = MAX_LISTED_FINDINGS } = options;
  const commit = options.commit ?? (() => {});
  // chosen and sized for print on A4 landscape at 90% or more; the rules are in 核查汇总,
  // the codes in --format json
  const columns: ColumnSpec[] = [
    { header: '级别', width: 5 },
    { header: '核查项', width: 9, wrap: true },
    { header: '文件', width: 12, wrap: true },
    { header: '行', width: 5 },
    { header: '人员', width: 8, wrap: true },
    { header: '身份证号', width: 19 },
    { header: '单位', width: 12, wrap: true },
    { header: '问题', width: 22, wrap: true },
    // 应为 is a short figure; 实际为 and 建议处理 carry the long texts (the rows of a repeat)
    { header: '应为', width: 10, wrap: true },
    { header: '实际为', width: 22, wrap: true },
    { header: '建议处理', width: 20, wrap: true },
  ];
  const { ws, first } = addSheet(wb, '数据核查', `${title}数据核查`, columns);
  let r = first;
  for (let t = 1; t < r; t += 1) commit(ws.getRow(t));
  const checks = checksOf(audit);
  const findings = [...audit.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const whole = { spans: new Map([[1, columns.length]]) };
  if (findings.length === 0) {
    ws.getCell(r, 1).value = '未发现问题';
    ws.mergeCells(r, 1, r, columns.length);
    styleRow(ws.getRow(r), columns, whole);
    commit(ws.getRow(r));
  }
  for (const f of findings.slice(0, maxListed)) {
    const row = ws.getRow(r);
    const id = f.person?.idNumber;
    // every value is written as a plain value: text from inputs never becomes a formula
    row.values = [
      SEVERITY_LABEL[f.severity],
      checks.get(f)?.name ?? '',
      placeOf(f),
      f.where.row ?? '',
      f.person?.name ?? '',
      id ? (showPii ? id : maskNumber(id)) : '',
      f.person?.unit ?? '',
      f.message,
      f.expected ?? '',
      foundText(f, showPii) ?? '',
      f.hint ?? '',
    ];
    styleRow(row, columns);
    commit(row);
    r += 1;
  }
  if (findings.length > maxListed) {
    ws.getCell(r, 1).value = `……另有 ${findings.length - maxListed} 条问题未列出（本表按错误、警告、提示的顺序只列前 ${maxListed} 条；各核查项的数量见「核查汇总」，完整清单用 --format json 输出）`;
    ws.mergeCells(r, 1, r, columns.length);
    styleRow(ws.getRow(r), columns, whole);
    commit(ws.getRow(r));
  }
  finishSheet(ws);

  const sumColumns: ColumnSpec[] = [
    { header: '核查项', width: 14, wrap: true },
    { header: '规则', width: 60, wrap: true },
    { header: '错误', width: 8 },
    { header: '警告', width: 8 },
    { header: '提示', width: 8 },
  ];
  const { ws: sum, first: firstSum } = addSheet(wb, '核查汇总', `${title}核查汇总`, sumColumns);
  let s = firstSum;
  for (let t = 1; t < s; t += 1) commit(sum.getRow(t));
  for (const { check, findings: list, notRun } of audit.byCheck) {
    const row = sum.getRow(s);
    if (notRun) {
      // a check that could not run has no counts: 0 would read as "nothing found"
      row.values = [check.name, check.rule, `未核查：${notRun}`];
      sum.mergeCells(s, 3, s, 5);
      styleRow(row, sumColumns, { spans: new Map([[3, 5]]) });
      row.getCell(3).alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    } else {
      row.values = [check.name, check.rule, ...(['error', 'warning', 'info'] as const).map((sev) => list.filter((f) => f.severity === sev).length)];
      styleRow(row, sumColumns);
    }
    commit(row);
    s += 1;
  }
  const total = sum.getRow(s);
  total.values = ['合计', '', ...(['error', 'warning', 'info'] as const).map((sev) => audit.findings.filter((f) => f.severity === sev).length)];
  styleRow(total, sumColumns, { total: true });
  commit(total);
  s += 2;
  const { records } = audit.context;
  const persons = audit.identities.persons.length;
  const lines: [string, number][] = [
    ['发放人次', records.length],
    ['受助人数（不重复）', persons],
    ['受助 2 次及以上的人数', audit.identities.persons.filter((p) => p.records.length > 1).length],
  ];
  for (const [label, value] of lines) {
    const row = sum.getRow(s);
    row.getCell(1).value = label;
    row.getCell(3).value = value;
    commit(row);
    s += 1;
  }
  finishSheet(sum);
}

/** A streamed sheet is committed when done (an in-memory one has nothing to commit). */
function finishSheet(ws: Worksheet): void {
  const streamed = ws as Worksheet & { commit?: () => void };
  if (typeof streamed.commit === 'function') streamed.commit();
}
