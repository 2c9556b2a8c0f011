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
