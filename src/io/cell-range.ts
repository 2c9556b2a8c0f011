// A1-style cell ranges ("E2:F3") as numbers.
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A range inside the sheet size of the format, or undefined (a hostile `A1:ZZZZZZ2` is no range). */
export function parseRange(ref: string): CellRange | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  const [a, b] = [
    { col: columnNumber(m[1] ?? ''), row: Number(m[2]) },
    { col: columnNumber(m[3] ?? ''), row: Number(m[4]) },
  ];
  const range = { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  return range.top >= 1 && range.left >= 1 && range.bottom <= MAX_ROWS && range.right <= MAX_COLUMNS ? range : undefined;
}

/** The sheet size of the file format: columns A–XFD, rows 1–1,048,576. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
