/** Row numbers as compact ranges: [2,3,4,7] -> "2-4, 7". */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  for (const r of [...sorted.slice(1), Number.NaN]) {
    if (prev !== undefined && r === prev + 1) {
      prev = r;
      continue;
    }
    if (start !== undefined && prev !== undefined) parts.push(start === prev ? `${start}` : `${start}-${prev}`);
    start = r;
    prev = r;
  }
  return parts.join(', ');
}
