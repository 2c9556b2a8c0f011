// The same indicator printed in several tables of one report (表3-1 and 表4-x, 附件1 and
// 表3-2) must carry the same weight and score. Leaves are matched by name, a name cut short
// in a narrow column (立项依据充分 for 立项依据充分性) matching the one it begins; a short
// name that could be several indicators is left alone.
import { parseNumber, toHalfWidth } from '../numbers/parse.js';
import { problem, type Problem } from '../problems/problem.js';
import type { PrintedRow, PrintedTable } from '../schema/score-table.js';
import { splitPoints } from './printed-figures.js';

interface Leaf {
  table: PrintedTable;
  row: PrintedRow;
  name: string;
}

const key = (name: string) => toHalfWidth(splitPoints(name).name).replace(/\s+/g, '');

function leavesOf(t: PrintedTable): Leaf[] {
  const depth = t.levelHeaders.length - 1;
  return t.rows.filter((r) => r.kind === 'item').map((row) => ({ table: t, row, name: key(row.levels[depth] ?? '') })).filter((l) => l.name.length >= 2);
}

const label = (l: Leaf) => `${l.table.file}${l.table.sheet ? `「${l.table.sheet}」` : ''} 第 ${l.row.row} 行`;

export function tablesAgree(tables: readonly PrintedTable[]): Problem[] {
  const out: Problem[] = [];
  // tables of the deepest kind only: a level-2 row of 表3-2 is no leaf of 表3-1
  const depth = Math.max(0, ...tables.map((t) => t.levelHeaders.length));
  const all = tables.filter((t) => t.levelHeaders.length === depth).map(leavesOf);
  for (let i = 0; i < all.length; i += 1) {
    for (let j = i + 1; j < all.length; j += 1) {
      for (const a of all[i]!) {
        const matches = all[j]!.filter((b) => b.name === a.name || (b.name.length >= 4 && a.name.startsWith(b.name)) || (a.name.length >= 4 && b.name.startsWith(a.name)));
        if (matches.length !== 1) continue;
        const b = matches[0]!;
        for (const field of ['weight', 'score'] as const) {
          const x = a.row[field];
          const y = b.row[field];
          const vx = x ? parseNumber(x.text)?.value : undefined;
          const vy = y ? parseNumber(y.text)?.value : undefined;
          if (!x || !y || !vx || !vy || vx.equals(vy)) continue;
          const what = field === 'weight' ? '权重' : '得分';
          out.push(
            problem('error', 'tables-disagree', `「${splitPoints(a.row.levels[a.row.levels.length - 1] ?? '').name}」的${what}在 ${label(a)} 印作 ${x.text}，在 ${label(b)} 印作 ${y.text}`, { file: b.table.file, ...(b.table.sheet ? { sheet: b.table.sheet } : {}), row: b.row.row, column: y.header }, { expected: x.text, found: y.text, hint: '同一指标在报告各表中的数应一致' }),
          );
        }
      }
    }
  }
  return out;
}
