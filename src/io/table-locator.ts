// Finding the tables inside a streamed sheet, as a synchronous state machine fed
// one row at a time (fast on a million rows): title rows above a header, one- or
// two-row headers with merged cells ("金额（元）" over 帮扶金额 | 已支付金额), header
// rows repeated at page breaks, total rows (合计/小计/总计), notes below a table
// (制表人、备注), and several tables stacked in one sheet, each with its title.
import { toHalfWidth } from '../numbers/parse.js';
import { problem, type Problem } from '../problems/problem.js';
import { columnLetters, MAX_COLUMNS, type CellRange } from './cell-range.js';
import { headerUnit, isBlank, isNoteRow, isTotalRow, normaliseHeader, type Column, type HeaderSpec } from './header.js';
import type { RawRow } from './raw-table.js';

export interface TableHeader {
  file: string;
  sheet?: string;
  title?: string;
  /** the header's row numbers (one or two) */
  headerRows: number[];
  columns: Column[];
  /** columns whose header maps to no field: listed, and their cells kept with each record */
  extraColumns: ExtraColumn[];
}

export interface ExtraColumn {
  /** the header text without spaces or line breaks */
  header: string;
  index: number;
}

/** A data row is passed on as itself (no wrapper object per row); the rest are tagged. */
export type TableEvent =
  | RawRow
  | { type: 'table'; table: TableHeader }
  | { type: 'total'; row: RawRow }
  | { type: 'problems'; problems: Problem[] };

/** How many non-blank rows from the top a header is looked for in. */
const HEADER_WINDOW = 30;

interface Candidate {
  /** per column: names to try, most specific first */
  names: string[][];
  raw: string[];
  rows: RawRow[];
}

interface Found {
  columns: Column[];
  candidate: Candidate;
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

function matchColumns(c: Candidate, specs: readonly HeaderSpec[]): Column[] {
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

/** The groups of which a header needs one field, with no field of theirs found. */
function missingGroups(columns: readonly Column[], specs: readonly HeaderSpec[]): HeaderSpec[][] {
  const groups = new Map<string, HeaderSpec[]>();
  for (const s of specs) if (s.oneOf !== undefined) groups.set(s.oneOf, [...(groups.get(s.oneOf) ?? []), s]);
  return [...groups.values()].filter((group) => !group.some((s) => columns.some((c) => c.field === s.field)));
}

function complete(columns: Column[], specs: readonly HeaderSpec[]): boolean {
  return specs.filter((s) => s.required).every((s) => columns.some((c) => c.field === s.field)) && missingGroups(columns, specs).length === 0;
}

function isTitleRow(row: RawRow): boolean {
  // most rows fill their first two cells: not a title
  if ((row.cells[0] ?? '') !== '' && (row.cells[1] ?? '') !== '') return false;
  let texts = 0;
  let text = '';
  for (const c of row.cells) {
    if (c.trim() === '') continue;
    texts += 1;
    text = c;
    if (texts > 1) return false;
  }
  return texts === 1 && !/^[\d.,\s%-]+$/.test(toHalfWidth(text));
}

function firstText(row: RawRow): string | undefined {
  return row.cells.find((c) => c.trim() !== '')?.trim();
}

function closestHint(spec: HeaderSpec, found: string[]): string {
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

export class TableLocator {
  private mode: 'search' | 'table' | 'notes' | 'gave-up' = 'search';
  private header: TableHeader | undefined;
  private headerKey = '';
  private title: string | undefined;
  private searched = 0;
  private held: RawRow[] = [];
  /** rows of the header zone, for filling merged cells from their master */
  private readonly masters = new Map<number, RawRow>();
  private best: { columns: Column[]; raw: string[] } | undefined;
  private readonly where: { file: string; sheet?: string };

  constructor(
    source: { file: string; sheet?: string; merges: readonly CellRange[] },
    private readonly specs: readonly HeaderSpec[],
    private readonly kindLabel: string,
  ) {
    this.where = { file: source.file, ...(source.sheet ? { sheet: source.sheet } : {}) };
    this.merges = source.merges;
  }

  private readonly merges: readonly CellRange[];

  /** True once no header was found in the first rows: the rest need not be read. */
  get gaveUp(): boolean {
    return this.mode === 'gave-up';
  }

  push(row: RawRow, out: TableEvent[]): void {
    if (this.mode === 'gave-up' || isBlank(row)) return;
    this.held.push(row);
    this.process(out, false);
  }

  end(out: TableEvent[]): void {
    this.process(out, true);
    if (!this.header) out.push({ type: 'problems', problems: this.missingHeaderProblems() });
  }

  private filled(row: RawRow): string[] {
    const cells = [...row.cells];
    // each column is filled once, by the first range over it: valid workbooks have no
    // overlapping ranges, and a hostile one with thousands costs no more than its width
    // (`skip[c]` leads past columns already filled, as in a union-find)
    let skip: Int32Array | undefined;
    const free = (c: number): number => {
      let r = c;
      while (skip?.[r]) r = skip[r] ?? r;
      return r;
    };
    for (const m of this.merges) {
      if (row.row < m.top || row.row > m.bottom) continue;
      skip ??= new Int32Array(MAX_COLUMNS + 2);
      const text = this.masters.get(m.top)?.cells[m.left - 1] ?? '';
      for (let c = free(m.left); c <= m.right; c = free(c + 1)) {
        skip[c] = free(m.right + 1);
        if (!(c === m.left && row.row === m.top)) cells[c - 1] = text;
      }
    }
    return Array.from(cells, (c) => c ?? '');
  }

  /** A header starting at `row`, possibly two rows with `next`. */
  private headerAt(row: RawRow, next: RawRow | undefined): Found | undefined {
    this.masters.set(row.row, row);
    const top = this.filled(row);
    const one = single(top, row);
    const oneCols = matchColumns(one, this.specs);
    if (!this.best || oneCols.length > this.best.columns.length) this.best = { columns: oneCols, raw: top };
    // a two-row header's top row is itself header text, never a title
    if (next && next.row === row.row + 1 && !isTotalRow(next) && !isTitleRow(row) && oneCols.length > 0) {
      this.masters.set(next.row, next);
      const c = pair(top, this.filled(next), [row, next]);
      const cols = matchColumns(c, this.specs);
      if (complete(cols, this.specs) && (!complete(oneCols, this.specs) || cols.length > oneCols.length)) return { columns: cols, candidate: c };
    }
    return complete(oneCols, this.specs) ? { columns: oneCols, candidate: one } : undefined;
  }

  private startTable(found: Found, title: string | undefined, out: TableEvent[]): void {
    const mapped = new Set(found.columns.map((c) => c.index));
    this.header = {
      ...this.where,
      ...(title ? { title } : {}),
      headerRows: found.candidate.rows.map((r) => r.row),
      columns: found.columns,
      extraColumns: found.candidate.raw.flatMap((t, index) => (t.trim() !== '' && !mapped.has(index) ? [{ header: t.replace(/\s+/g, ''), index }] : [])),
    };
    this.headerKey = found.candidate.raw.map(normaliseHeader).join('|');
    const duplicates = this.duplicateColumns(this.header);
    if (duplicates.length > 0) out.push({ type: 'problems', problems: duplicates });
    this.held.splice(0, found.candidate.rows.length);
    this.masters.clear();
    this.title = undefined;
    this.mode = 'table';
    out.push({ type: 'table', table: this.header });
  }

  /** Two columns whose headers mean the same field (姓名 twice; 身份证号码 beside 身份证号): only the first is read, and the user is told. */
  private duplicateColumns(header: TableHeader): Problem[] {
    const problems: Problem[] = [];
    for (const extra of header.extraColumns) {
      const key = normaliseHeader(extra.header);
      const spec = this.specs.find((s) => s.aliases.some((a) => normaliseHeader(a) === key));
      const first = spec && header.columns.find((c) => c.field === spec.field);
      if (!spec || !first) continue;
      problems.push(
        problem('warning', 'header-duplicate', `「${first.header}」列（${columnLetters(first.index + 1)} 列）和「${extra.header}」列（${columnLetters(extra.index + 1)} 列）都表示${spec.aliases[0] ?? spec.field}，只读取了前一列`, { ...this.where, row: header.headerRows[0] ?? 0, column: extra.header }, {
          hint: '删除多余的一列，或把它改成别的列名',
        }),
      );
    }
    return problems;
  }

  /** The header again (a page break in an exported report): checked on one column first, as it is rare. */
  private isRepeatedHeader(row: RawRow): boolean {
    const probe = this.header?.columns[0];
    if (!probe) return false;
    // cheap test first: the probe cell holds the first character of its header name
    const first = probe.header[0];
    const text = row.cells[probe.index] ?? '';
    if (first === undefined || !text.includes(first)) return false;
    return row.cells.map(normaliseHeader).join('|') === this.headerKey;
  }

  private process(out: TableEvent[], final: boolean): void {
    for (;;) {
      const h = this.held[0];
      if (!h) return;
      if (this.mode === 'gave-up') {
        this.held = [];
        return;
      }
      if (this.mode === 'table') {
        if (isNoteRow(h)) {
          this.mode = 'notes';
          this.held.shift();
          continue;
        }
        if (this.isRepeatedHeader(h)) {
          this.held.shift();
          continue;
        }
        if (isTitleRow(h) && !isTotalRow(h)) {
          // a title followed by a header starts a new table; wait for the rows that tell
          if (this.held.length < 3 && !final) return;
          const next = this.held[1];
          const found = next ? this.headerAt(next, this.held[2]) : undefined;
          if (found) {
            this.held.shift();
            this.startTable(found, firstText(h), out);
            continue;
          }
          this.masters.clear();
        }
        out.push(isTotalRow(h) ? { type: 'total', row: h } : h);
        this.held.shift();
        continue;
      }
      // searching for a header: at the top, or after the notes below a table
      if (this.held.length < 2 && !final) return;
      const found = this.headerAt(h, this.held[1]);
      if (found) {
        this.startTable(found, this.title, out);
        continue;
      }
      // the first title-like row above a header is the table's title (later ones are sub-titles such as 单位：…)
      if (isTitleRow(h) && !this.title) this.title = firstText(h);
      this.held.shift();
      this.searched += 1;
      if (this.mode === 'search' && this.searched >= HEADER_WINDOW) this.mode = 'gave-up';
      if (this.mode === 'notes') this.masters.clear();
    }
  }

  private missingHeaderProblems(): Problem[] {
    const cols = this.best?.columns ?? [];
    const found = this.best?.raw.filter((c) => c.trim() !== '').map((c) => c.replace(/\s+/g, '')) ?? [];
    const foundText = found.length > 0 ? found.join('、') : '没有表头';
    return [
      ...this.specs
        .filter((s) => s.required && !cols.some((c) => c.field === s.field))
        .map((s) =>
          problem('error', 'header-missing', `找不到${this.kindLabel}的必需列「${s.aliases[0]}」`, this.where, {
            expected: s.aliases.join(' / '),
            found: foundText,
            hint: closestHint(s, found),
          }),
        ),
      ...missingGroups(cols, this.specs).map((group) =>
        problem('error', 'header-missing', `找不到${this.kindLabel}的${group[0]?.oneOf ?? ''}列（至少要有一列）`, this.where, {
          expected: group.map((s) => s.aliases[0]).join(' / '),
          found: foundText,
          hint: '把表头改为上列名称之一，或在设置文件的 header_aliases 中加入别名',
        }),
      ),
    ];
  }
}

/** The table events of a streamed sheet, a batch per batch of rows. */
export async function* tableEvents(
  source: { file: string; sheet?: string; merges: readonly CellRange[]; rows: AsyncIterable<RawRow[]> },
  specs: readonly HeaderSpec[],
  kindLabel: string,
): AsyncGenerator<TableEvent[]> {
  const locator = new TableLocator(source, specs, kindLabel);
  for await (const batch of source.rows) {
    const out: TableEvent[] = [];
    for (const row of batch) locator.push(row, out);
    if (out.length > 0) yield out;
    if (locator.gaveUp) break;
  }
  const out: TableEvent[] = [];
  locator.end(out);
  if (out.length > 0) yield out;
}
