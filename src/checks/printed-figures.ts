// Reading the figures of a printed table as a reviewer reads them: a cell as a number, a
// rate with its printed decimals, a level name with the points it prints, and where a
// finding points (file, sheet, row, the column as printed, the indicator's path).
import { Decimal } from '../numbers/decimal.js';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';
import type { Where } from '../problems/problem.js';
import type { PrintedCell, PrintedRow, PrintedTable } from '../schema/score-table.js';

/** A level name with the points it prints: 资金管理（8分） → 资金管理, 8. */
export function splitPoints(name: string): { name: string; points?: Decimal } {
  const m = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/.exec(toHalfWidth(name).replace(/\s+/g, ' ').trim());
  return m ? { name: (m[1] ?? '').trim(), points: new Decimal(m[2] ?? '0') } : { name: name.trim() };
}

export const number = (c: PrintedCell | undefined): Decimal | undefined => (c ? parseNumber(c.text)?.value : undefined);
/** A number as the tables print it: 88.5, 2.5, 14. */
export const shown = (d: Decimal): string => d.toString();
export const decimalsOf = (text: string): number => /\.(\d+)/.exec(toHalfWidth(text))?.[1]?.length ?? 0;

/** Where a finding points: the row (by number, or the row itself, which may come from another sheet), the column as printed, the path. */
export function whereIn(t: PrintedTable, at: number | PrintedRow, cell?: PrintedCell, path?: string[]): Where {
  const row = typeof at === 'number' ? at : at.row;
  const sheet = (typeof at === 'number' ? undefined : at.sheet) ?? t.sheet;
  return { file: t.file, ...(sheet ? { sheet } : {}), row, ...(cell ? { column: cell.header } : {}), ...(path && path.length > 0 ? { path } : {}) };
}

export const pathOf = (r: PrintedRow) => r.levels.filter((l) => l !== '').map((l) => splitPoints(l).name);

/** The printed rate as a percentage and its places: 75.00% → 75.00 (2); 0 → 0 (0); 0.7 → 70 (0). */
export function printedPercent(text: string): { value: Decimal; places: number } | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const parsed = parseNumber(t.replace(/%$/, ''));
  if (!parsed) return undefined;
  if (t.endsWith('%')) return { value: parsed.value, places: decimalsOf(t) };
  // a bare ratio (0.7) reads as 70%, a bare 0 as 0%
  return parsed.value.lessThanOrEqualTo(1) ? { value: parsed.value.times(100), places: Math.max(0, decimalsOf(t) - 2) } : { value: parsed.value, places: decimalsOf(t) };
}
