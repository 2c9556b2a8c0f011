// Finding the tables inside a streamed sheet: title rows above a header, one-
// or two-row headers with merged cells ("金额（元）" over 帮扶金额 | 已支付金额),
// header rows repeated at page breaks, total rows (合计/小计/总计), notes below
// a table (制表人、备注), and several tables stacked in one sheet, each with its title.
import { toHalfWidth } from '../numbers/parse.js';
import { problem, type Problem } from '../problems/problem.js';
import type { CellRange } from './cell-range.js';
import { isBlank, isNoteRow, isTotalRow, normaliseHeader, headerUnit, type Column, type FieldSpec } from './header.js';
import type { RawRow } from './raw-table.js';
import type { SheetSource } from './sheet-source.js';

export interface TableHeader {
  file: string;
  sheet?: string;
  title?: string;
  /** the header's row numbers (one or two) */
  headerRows: number[];
  columns: Column[];
  /** headers that map to no field: kept and listed */
  extraHeaders: string[];
}

export type TableEvent =
  | { type: 'table'; table: TableHeader }
  | { type: 'row'; row: RawRow }
  | { type: 'total'; row: RawRow }
  | { type: 'problems'; problems: Problem[] };

/** How many rows from the top (or after a note) a header is looked for in. */
const HEADER_WINDOW = 30;

class Peekable {
  private readonly iterator: AsyncIterator<RawRow>;
  private readonly back: RawRow[] = [];
  constructor(rows: AsyncIterable<RawRow>) {
    this.iterator = rows[Symbol.asyncIterator]();
  }
  async next(): Promise<RawRow | undefined> {
    const b = this.back.pop();
    if (b) return b;
    const r = await this.iterator.next();
    return r.done ? undefined : r.value;
  }
  /** the next non-blank row, left in place */
  async peek(): Promise<RawRow | undefined> {
    for (;;) {
      const r = await this.next();
      if (!r) return undefined;
      if (!isBlank(r)) {
        this.back.push(r);
        return r;
      }
    }
  }
  pushBack(row: RawRow): void {
    this.back.push(row);
  }
  async return(): Promise<void> {
    await this.iterator.return?.();
  }
}

/** Cells of a row with merged ranges filled from their master cell (headers only). */
function filled(row: RawRow, merges: readonly CellRange[], masters: ReadonlyMap<number, RawRow>): string[] {
  const cells = [...row.cells];
  for (const m of merges) {
    if (row.row < m.top || row.row > m.bottom) continue;
    const master = masters.get(m.top);
    const text = master?.cells[m.left - 1] ?? '';
    for (let c = m.left; c <= m.right; c += 1) if (!(c === m.left && row.row === m.top)) cells[c - 1] = text;
  }
  return Array.from(cells, (c) => c ?? '');
}

interface Candidate {
  /** per column: names to try, most specific first */
  names: string[][];
  raw: string[];
  rows: RawRow[];
}

function single(cells: string[], row: RawRow): Candidate {
  return { names: cells.map((c) => [c]), raw: cells, rows: [row] };
}

function pair(top: string[], sub: string[], rows: RawRow[]): Candidate {
  const width = Math.max(top.length, sub.length);
  const names: string[][] = [];
  const raw: string[] = [];
  for (let i = 0; i < width; i += 1) {
    const t = top[i] ?? '';
    const s = sub[i] ?? '';
    names.push(s && s !== t ? [s, t + s, t] : [t]);
    raw.push(s && s !== t ? (t ? `${t}/${s}` : s) : t);
  }
  return { names, raw, rows };
}

function matchColumns(c: Candidate, specs: readonly FieldSpec[]): Column[] {
  const columns: Column[] = [];
  c.names.forEach((options, index) => {
    for (const name of options) {
      const key = normaliseHeader(name);
      if (!key) continue;
      const spec = specs.find((s) => !columns.some((col) => col.field === s.field) && s.aliases.some((a) => normaliseHeader(a) === key));
      if (spec) {
        const unit = options.map(headerUnit).find((u) => u !== undefined);
        columns.push({ field: spec.field, index, header: (c.raw[index] ?? name).replace(/\s+/g, ''), ...(unit ? { unit } : {}) });
        return;
      }
    }
  });
  return columns;
}

function complete(columns: Column[], specs: readonly FieldSpec[]): boolean {
  return specs.filter((s) => s.required).every((s) => columns.some((c) => c.field === s.field));
}

function makeHeader(where: { file: string; sheet?: string }, columns: Column[], c: Candidate, title: string | undefined): TableHeader {
  const mapped = new Set(columns.map((col) => col.index));
  return {
    ...where,
    ...(title ? { title } : {}),
    headerRows: c.rows.map((r) => r.row),
    columns,
    extraHeaders: c.raw.filter((t, i) => t.trim() !== '' && !mapped.has(i)).map((t) => t.replace(/\s+/g, '')),
  };
}

function isTitleRow(row: RawRow): boolean {
  const texts = row.cells.filter((c) => c.trim() !== '');
  return texts.length === 1 && !/^[\d.,\s%-]+$/.test(toHalfWidth(texts[0] ?? ''));
}

export async function* tableEvents(source: SheetSource, specs: readonly FieldSpec[], kindLabel: string): AsyncGenerator<TableEvent> {
  const where = { file: source.file, ...(source.sheet ? { sheet: source.sheet } : {}) };
  const rows = new Peekable(source.rows);
  const masters = new Map<number, RawRow>();
  let header: TableHeader | undefined;
  let headerKey = '';
  let best: { columns: Column[]; raw: string[] } | undefined;
  let searched = 0;
  let title: string | undefined;
  let afterNotes = false;

  // Try to read a header starting at `row` (already taken); returns it or undefined (row pushed back).
  const tryHeader = async (row: RawRow): Promise<{ columns: Column[]; c: Candidate } | undefined> => {
    masters.set(row.row, row);
    const top = filled(row, source.merges, masters);
    const one = single(top, row);
    const oneCols = matchColumns(one, specs);
    const next = await rows.peek();
    let two: { columns: Column[]; c: Candidate } | undefined;
    // a two-row header's top row is itself header text, never a title
    if (next && next.row === row.row + 1 && !isTotalRow(next) && !isTitleRow(row) && oneCols.length > 0) {
      masters.set(next.row, next);
      const c = pair(top, filled(next, source.merges, masters), [row, next]);
      const cols = matchColumns(c, specs);
      if (complete(cols, specs) && (!complete(oneCols, specs) || cols.length > oneCols.length)) two = { columns: cols, c };
    }
    if (!best || oneCols.length > best.columns.length) best = { columns: oneCols, raw: top };
    if (two) {
      await rows.next(); // the second header row is consumed
      return two;
    }
    if (complete(oneCols, specs)) return { columns: oneCols, c: one };
    return undefined;
  };

  try {
    for (;;) {
      const row = await rows.next();
      if (!row) break;
      if (isBlank(row)) continue;

      if (!header || afterNotes) {
        const found = await tryHeader(row);
        if (found) {
          header = makeHeader(where, found.columns, found.c, title);
          headerKey = found.c.raw.map(normaliseHeader).join('|');
          title = undefined;
          afterNotes = false;
          yield { type: 'table', table: header };
          continue;
        }
        // the first title-like row above a header is the table's title (later ones are sub-titles such as 单位：…)
        if (isTitleRow(row) && !title) title = row.cells.find((c) => c.trim() !== '')?.trim();
        searched += 1;
        if (!header && searched >= HEADER_WINDOW) break;
        continue;
      }

      // inside a table
      if (isNoteRow(row)) {
        afterNotes = true;
        searched = 0;
        continue;
      }
      if (row.cells.map(normaliseHeader).join('|') === headerKey) continue; // repeated at a page break
      if (isTitleRow(row) && !isTotalRow(row)) {
        // a title followed by a header starts a new table
        const next = await rows.peek();
        if (next) {
          const taken = (await rows.next()) as RawRow;
          const found = await tryHeader(taken);
          if (found) {
            header = makeHeader(where, found.columns, found.c, row.cells.find((c) => c.trim() !== '')?.trim());
            headerKey = found.c.raw.map(normaliseHeader).join('|');
            yield { type: 'table', table: header };
            continue;
          }
          // not a header after all: put it back to be read as an ordinary row
          rows.pushBack(taken);
        }
      }
      yield isTotalRow(row) ? { type: 'total', row } : { type: 'row', row };
    }
  } finally {
    await rows.return();
  }

  if (!header) {
    const required = specs.filter((s) => s.required);
    const cols = best?.columns ?? [];
    const found = best?.raw.filter((c) => c.trim() !== '').map((c) => c.replace(/\s+/g, '')) ?? [];
    yield {
      type: 'problems',
      problems: required
        .filter((s) => !cols.some((c) => c.field === s.field))
        .map((s) =>
          problem('error', 'header-missing', `找不到${kindLabel}的必需列「${s.aliases[0]}」`, where, {
            expected: s.aliases.join(' / '),
            found: found.length > 0 ? found.join('、') : '没有表头',
            hint: closestHint(s, found),
          }),
        ),
    };
  }
}

function closestHint(spec: FieldSpec, found: string[]): string {
  // the found header sharing most characters with an alias
  let bestText = '';
  let bestScore = 0;
  for (const f of found) {
    for (const a of spec.aliases) {
      const shared = [...new Set(a)].filter((ch) => f.includes(ch)).length / a.length;
      if (shared > bestScore) {
        bestScore = shared;
        bestText = f;
      }
    }
  }
  const base = '把表头改为上列名称之一，或在 evaluation.yaml 的 header_aliases 中加入别名';
  return bestScore >= 0.5 ? `表头「${bestText}」是否就是「${spec.aliases[0]}」？${base}` : base;
}
