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

export function parseRange(ref: string): CellRange | undefined {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return undefined;
  const [a, b] = [
    { col: columnNumber(m[1] ?? ''), row: Number(m[2]) },
    { col: columnNumber(m[3] ?? ''), row: Number(m[4]) },
  ];
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}
