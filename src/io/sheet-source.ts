// One sheet of rows as it streams from a CSV or XLSX file, in batches (one promise
// per batch, not per row: it matters on a million rows). Rows must be consumed in
// order, and a sheet fully before the next one is asked for.
import type { CellRange } from './cell-range.js';
import type { RawRow } from './raw-table.js';

export interface SheetSource {
  file: string;
  sheet?: string;
  /** merged ranges (XLSX only), known before the rows */
  merges: CellRange[];
  rows: AsyncIterable<RawRow[]>;
}

export type SheetSelector = string | number | '*';

/** The first rows of a sheet, with what is known of the sheet by then. */
export interface SheetHead {
  sheet?: string;
  merges: CellRange[];
  rows: RawRow[];
}

/**
 * The first rows of a sheet (at least `count`, whole batches), and the same sheet with
 * those rows still in it: what a file holds can be judged from its head without
 * reading the file twice (on a large XLSX, opening it costs its whole shared-strings table).
 */
export async function peekRows(source: SheetSource, count: number): Promise<{ head: SheetHead; source: SheetSource }> {
  const rows = source.rows[Symbol.asyncIterator]();
  const batches: RawRow[][] = [];
  let seen = 0;
  let ended = false;
  while (seen < count) {
    const next = await rows.next();
    if (next.done) {
      ended = true;
      break;
    }
    batches.push(next.value);
    seen += next.value.length;
  }
  async function* replay(): AsyncGenerator<RawRow[]> {
    try {
      yield* batches;
      if (ended) return;
      for (let next = await rows.next(); !next.done; next = await rows.next()) yield next.value;
    } finally {
      // a consumer that stops early releases the reader (and its worker) too
      if (!ended) await rows.return?.();
    }
  }
  const rest = { ...source, rows: replay() };
  return { head: { ...(source.sheet ? { sheet: source.sheet } : {}), merges: source.merges, rows: batches.flat().slice(0, count) }, source: rest };
}
