// What a report's text states about scores, against its own tables: the total
// (本项目总得分为 88.5 分), the grade (绩效评级属于“良”), and each indicator's weight, score and
// rate as the text restates them (“立项依据充分性”指标权重 3 分，得分 3 分，得分率为 100%;
// 项目过程由 2 个二级指标和 7 个三级指标组成，共计 20 分，实际得分 19 分). Only names the
// tables hold are compared, so prose that merely looks like a statement is left alone.
import { Decimal, ZERO } from '../numbers/decimal.js';
import { parseNumber, toHalfWidth } from '../numbers/parse.js';
import { problem, type Problem } from '../problems/problem.js';
import { gradeOf, type GradeBand } from '../schema/grades.js';
import type { PrintedCell, PrintedRow, PrintedTable } from '../schema/score-table.js';
import { number, printedPercent, shown, splitPoints } from './printed-figures.js';

export interface ReportText {
  file: string;
  paragraphs: readonly string[];
}

/** A figure the tables print, and where. */
interface Printed {
  value: Decimal;
  cell: string;
}

interface Figures {
  weight?: Printed;
  score?: Printed;
}

const key = (name: string) => toHalfWidth(splitPoints(name).name).replace(/\s+/g, '');
const at = (t: PrintedTable, r: PrintedRow) => `${t.file.replace(/^.*[\\/]/, '')}${t.sheet ? `「${t.sheet}」` : ''} 第 ${r.row} 行`;
const printed = (t: PrintedTable, r: PrintedRow, c: PrintedCell | undefined): Printed | undefined => {
  const value = number(c);
  return value && c ? { value, cell: `${at(t, r)}印作 ${c.text}` } : undefined;
};

/** Each indicator's figures by name: rows, 小计 rows for their level-1 indicator, groups' printed points. */
function figuresByName(tables: readonly PrintedTable[]): Map<string, Figures> {
  const out = new Map<string, Figures>();
  const add = (name: string, f: Figures) => {
    const k = key(name);
    if (k.length < 2) return;
    // the first table to print a figure gives it (表3-1 a leaf's, 表3-2 a level-1 indicator's score)
    const had = out.get(k) ?? {};
    const weight = had.weight ?? f.weight;
    const score = had.score ?? f.score;
    out.set(k, { ...(weight ? { weight } : {}), ...(score ? { score } : {}) });
  };
  for (const t of tables) {
    for (const r of t.rows) {
      if (r.kind === 'item') {
        const name = [...r.levels].reverse().find((l) => l !== '') ?? '';
        add(name, { ...(printed(t, r, r.weight) ? { weight: printed(t, r, r.weight) } : {}), ...(printed(t, r, r.score) ? { score: printed(t, r, r.score) } : {}) });
        // a group's points as its name prints them (资金管理（8分）)
        for (const level of r.levels.slice(0, -1)) {
          const { points } = splitPoints(level);
          if (points) add(level, { weight: { value: points, cell: `${at(t, r)}印作「${level}」` } });
        }
      } else if (r.kind === 'subtotal' && r.levels[0]) {
        add(r.levels[0], { ...(printed(t, r, r.weight) ? { weight: printed(t, r, r.weight) } : {}), ...(printed(t, r, r.score) ? { score: printed(t, r, r.score) } : {}) });
      }
    }
  }
  return out;
}

const QUOTED = /[“"「]\s*([^”"」]{2,30}?)\s*[”"」]\s*指标\s*权重分?\s*(\d+(?:\.\d+)?)\s*分\s*[,，]\s*(?:实际)?得分\s*(\d+(?:\.\d+)?)\s*分(?:\s*[,，]\s*得分率(?:为)?\s*(\d+(?:\.\d+)?\s*%?))?/g;
const LEADING = /^([^\s,，。；;“”"「」]{2,20}?)(?:类指标|指标|由)[^。]*?(?:权重分?|共计|满分)\s*(\d+(?:\.\d+)?)\s*分\s*[,，]\s*(?:实际)?得分\s*(\d+(?:\.\d+)?)\s*分(?:\s*[,，]\s*得分率(?:为)?\s*(\d+(?:\.\d+)?\s*%?))?/;
const TOTAL = /(?:总得分|综合得分|评价总分|总分)\s*(?:为|是|[:：])?\s*(\d+(?:\.\d+)?)\s*分/;
const GRADE = /(?:绩效评级|评价等级|绩效等级|评价级别|评级)\s*(?:为|是|属于|[:：])?\s*[“"「『]?\s*(优秀|良好|优|良|中等|中|合格|不合格|差)\s*[”"」』]?/;

interface Statement {
  name: string;
  weight: string;
  score: string;
  rate?: string;
  /** 包括 3 个二级指标和 7 个三级指标 */
  level2?: string;
  level3?: string;
}

const COUNTS = /(\d+)\s*个二级指标\s*(?:和|、|及)?\s*(\d+)\s*个三级指标/;

function statementsIn(text: string): Statement[] {
  const out: Statement[] = [];
  for (const m of text.matchAll(QUOTED)) out.push({ name: m[1] ?? '', weight: m[2] ?? '', score: m[3] ?? '', ...(m[4] ? { rate: m[4] } : {}) });
  const lead = LEADING.exec(text);
  if (lead && out.length === 0) {
    const counts = COUNTS.exec(lead[0]);
    out.push({ name: lead[1] ?? '', weight: lead[2] ?? '', score: lead[3] ?? '', ...(lead[4] ? { rate: lead[4] } : {}), ...(counts ? { level2: counts[1] ?? '', level3: counts[2] ?? '' } : {}) });
  }
  return out;
}

/** The name the tables know that a statement means: the same, or one beginning the other (项目决策 for 项目决策类). */
function lookup(figures: Map<string, Figures>, name: string): [string, Figures] | undefined {
  const k = key(name);
  const exact = figures.get(k);
  if (exact) return [k, exact];
  const close = [...figures.entries()].filter(([n]) => (n.length >= 4 && k.startsWith(n)) || (k.length >= 4 && n.startsWith(k)));
  return close.length === 1 ? close[0] : undefined;
}

/** The tables' grand totals: the 合计 rows of the tables with the largest total weight. */
function grandTotals(tables: readonly PrintedTable[]): { table: PrintedTable; row: PrintedRow }[] {
  const totals = tables.flatMap((t) => t.rows.filter((r) => r.kind === 'total' && r.score).map((row) => ({ table: t, row, weight: number(row.weight) ?? ZERO })));
  const most = totals.reduce((m, x) => (x.weight.greaterThan(m) ? x.weight : m), ZERO);
  return totals.filter((x) => x.weight.equals(most));
}

/** Per level-1 indicator of a three-level table: how many level-2 groups and leaves it has, and where. */
function countsByName(tables: readonly PrintedTable[]): Map<string, { level2: number; level3: number; table: string }> {
  const out = new Map<string, { level2: number; level3: number; table: string }>();
  for (const t of tables.filter((x) => x.levelHeaders.length === 3)) {
    const items = t.rows.filter((r) => r.kind === 'item' && r.levels[0]);
    for (const name of new Set(items.map((r) => key(r.levels[0] ?? '')))) {
      if (out.has(name)) continue;
      const mine = items.filter((r) => key(r.levels[0] ?? '') === name);
      out.set(name, { level2: new Set(mine.map((r) => key(r.levels[1] ?? ''))).size, level3: mine.length, table: t.file.replace(/^.*[\\/]/, '') + (t.sheet ? `「${t.sheet}」` : '') });
    }
  }
  return out;
}

export function checkReportText(text: ReportText, tables: readonly PrintedTable[], grades: readonly GradeBand[]): Problem[] {
  const out: Problem[] = [];
  const figures = figuresByName(tables);
  const counts = countsByName(tables);
  const totals = grandTotals(tables);
  const printedGrades = tables.flatMap((t) => t.rows.filter((r) => r.kind === 'grade' && r.grade).map((row) => ({ table: t, row })));
  text.paragraphs.forEach((raw, i) => {
    const paragraph = toHalfWidth(raw).replace(/\s+/g, ' ');
    const where = { file: text.file, paragraph: i + 1 };
    const quote = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
    for (const s of statementsIn(paragraph)) {
      const found = lookup(figures, s.name);
      const weight = parseNumber(s.weight)?.value;
      const score = parseNumber(s.score)?.value;
      // the numbers may be right and the name wrong: another indicator whose figures they are
      const other = [...figures.entries()].filter(([n, f]) => n !== found?.[0] && weight && score && f.weight?.value.equals(weight) && f.score?.value.equals(score)).map(([n]) => n);
      const hint = `核对这一段与表中的数${other.length === 1 ? `；所写的数与「${other[0]}」的相符，可能是名称写错了` : ''}：「${quote(raw.trim())}」`;
      if (found && weight && score) {
        const [, f] = found;
        for (const [what, stated, inTable] of [['权重', weight, f.weight], ['得分', score, f.score]] as const) {
          if (!inTable || inTable.value.equals(stated)) continue;
          out.push(problem('error', 'text-disagrees', `正文写「${s.name}」${what} ${shown(stated)} 分，${inTable.cell}`, { ...where, path: [splitPoints(s.name).name] }, { expected: shown(inTable.value), found: shown(stated), hint }));
        }
      }
      // how many indicators the text says a level-1 indicator holds
      const held = found ? counts.get(found[0]) : undefined;
      if (held && s.level2 !== undefined && s.level3 !== undefined) {
        for (const [what, stated, real] of [['二级指标', Number(s.level2), held.level2], ['三级指标', Number(s.level3), held.level3]] as const) {
          if (stated !== real) out.push(problem('error', 'text-disagrees', `正文写「${s.name}」有 ${stated} 个${what}，${held.table} 中有 ${real} 个`, { ...where, path: [splitPoints(s.name).name] }, { expected: String(real), found: String(stated), hint }));
        }
      }
      // the rate the text gives against its own two numbers
      const rate = s.rate ? printedPercent(s.rate) : undefined;
      if (rate && weight && score && !weight.isZero()) {
        const expected = score.dividedBy(weight).times(100).toDecimalPlaces(rate.places, Decimal.ROUND_HALF_UP);
        if (!expected.equals(rate.value)) {
          out.push(problem('error', 'rate-mismatch', `正文写「${s.name}」得分率 ${s.rate}，按 得分 ${s.score} ÷ 权重 ${s.weight} 应为 ${expected.toFixed(rate.places)}%`, { ...where, path: [splitPoints(s.name).name] }, { expected: `${expected.toFixed(rate.places)}%`, found: s.rate ?? '' }));
        }
      }
    }
    const total = TOTAL.exec(paragraph);
    const totalValue = total ? parseNumber(total[1] ?? '')?.value : undefined;
    if (totalValue) {
      for (const { table, row } of totals) {
        const inTable = number(row.score);
        if (inTable && !inTable.equals(totalValue)) out.push(problem('error', 'text-disagrees', `正文写总得分 ${shown(totalValue)} 分，${at(table, row)}的合计印作 ${row.score?.text}`, where, { expected: row.score?.text ?? '', found: shown(totalValue), hint: `核对这一段与表中的合计：「${quote(raw.trim())}」` }));
      }
    }
    const grade = GRADE.exec(paragraph);
    if (grade?.[1]) {
      const stated = grade[1];
      for (const { table, row } of printedGrades) {
        if (row.grade && row.grade.text !== stated) out.push(problem('error', 'text-disagrees', `正文写评价等级「${stated}」，${at(table, row)}印作「${row.grade.text}」`, where, { expected: row.grade.text, found: stated }));
      }
      if (totalValue) {
        const expected = gradeOf(totalValue, grades);
        if (expected !== stated) out.push(problem('error', 'grade-mismatch', `正文写总得分 ${shown(totalValue)} 分、评价等级「${stated}」，按等级标准应为「${expected}」`, where, { expected, found: stated, hint: '本地的等级标准不同时用 --grades 给出' }));
      }
    }
  });
  return out;
}
