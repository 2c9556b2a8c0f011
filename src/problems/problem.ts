// The one shape of every problem the tool reports, from a bad header to a
// veto finding: a stable code, a severity, where it is, and Chinese text.
import { maskNumber, maskPii } from './pii-mask.js';

export { maskNumber };

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export interface Where {
  file?: string;
  sheet?: string;
  /** the row number as the user sees it (1-based, counting title rows) */
  row?: number;
  column?: string;
  /** indicator path by names, e.g. ['项目决策', '绩效目标', '绩效目标合理性'] */
  path?: string[];
  /** a field inside a file or an indicator, e.g. 'weight' */
  field?: string;
  /** a paragraph of a report's text (1-based, counting the body's paragraphs outside tables) */
  paragraph?: number;
}

/** Whom a finding concerns. The ID number is held in full and shown only through personText(). */
export interface PersonRef {
  name: string;
  unit?: string;
  idNumber?: string;
}

export interface Problem {
  severity: Severity;
  code: string;
  /** what is wrong, in Chinese, without the location */
  message: string;
  where: Where;
  expected?: string;
  /** what was found, as it may be shown: an ID or bank number masked */
  found?: string;
  /** an ID or bank number found, in full: shown only through foundText() with --show-pii */
  foundFull?: string;
  hint?: string;
  /** the person a data finding concerns */
  person?: PersonRef;
}

export function problem(
  severity: Severity,
  code: string,
  message: string,
  where: Where = {},
  extra: Pick<Problem, 'expected' | 'found' | 'foundFull' | 'hint'> = {},
): Problem {
  return { severity, code, message, where, ...extra };
}

export function formatWhere(where: Where): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.sheet) parts.push(`工作表「${where.sheet}」`);
  if (where.paragraph !== undefined) parts.push(`正文第 ${where.paragraph} 段`);
  if (where.row !== undefined) parts.push(`第 ${where.row} 行`);
  if (where.column) parts.push(`「${where.column}」列`);
  if (where.path && where.path.length > 0) parts.push(where.path.join(' > '));
  return parts.join(' ');
}

/** The one way a person is shown in messages and reports. */
export function personText(person: PersonRef, showPii = false): string {
  const id = person.idNumber ? `（${showPii ? person.idNumber : maskNumber(person.idNumber)}）` : '';
  return `${person.name}${id}${person.unit ? `，${person.unit}` : ''}`;
}

/** What was found, as the output may show it: in full only when the user asked (--show-pii). */
export function foundText(p: Problem, showPii = false): string | undefined {
  return showPii && p.foundFull !== undefined ? p.foundFull : p.found;
}

/** One line for people: `where：message（应为…，实际为…）建议：…`; personal numbers anywhere in it masked unless asked. */
export function formatProblem(p: Problem, showPii = false): string {
  const text = formatUnmasked(p, showPii);
  return showPii ? text : maskPii(text);
}

function formatUnmasked(p: Problem, showPii: boolean): string {
  const where = formatWhere(p.where);
  const who = p.person ? `［${personText(p.person, showPii)}］` : '';
  let text = where ? `${where}：${who}${p.message}` : `${who}${p.message}`;
  const detail: string[] = [];
  if (p.expected !== undefined) detail.push(`应为 ${p.expected}`);
  const found = foundText(p, showPii);
  if (found !== undefined) detail.push(`实际为 ${found}`);
  if (detail.length > 0) text += `（${detail.join('，')}）`;
  if (p.hint) text += ` 建议：${p.hint}`;
  return text;
}

export function rank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}

export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity] += 1;
  return counts;
}

/**
 * A problem that stops the command before it can do its work: unreadable
 * input, invalid configuration, wrong usage. The CLI prints the problems and
 * exits 2, never with a stack trace.
 */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => formatProblem(p)).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function inputError(code: string, message: string, where: Where = {}, extra: Pick<Problem, 'expected' | 'found' | 'hint'> = {}): InputError {
  return new InputError([problem('error', code, message, where, extra)]);
}
