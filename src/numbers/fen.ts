// Plain amounts as integer fen (分), for exact running sums without Decimal arithmetic.

/**
 * Fen in a plain amount ("6664", "-12.5", "6664.00": digits, at most 13 before the
 * point and 2 after), or undefined for anything else. Read by character codes: this
 * runs on every amount of every row, and a regular expression's match array would be
 * garbage a million times over.
 */
export function plainFen(text: string): number | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const start = i;
  let whole = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
    i += 1;
  }
  const digits = i - start;
  if (digits === 0 || digits > 13) return undefined;
  let fen = whole * 100;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 || n - i < 2 || n - i > 3) return undefined; // '.' and 1 or 2 digits
    for (let j = i + 1, scale = 10; j < n; j += 1, scale /= 10) {
      const c = text.charCodeAt(j);
      if (c < 48 || c > 57) return undefined;
      fen += (c - 48) * scale;
    }
  }
  return start === 1 ? -fen : fen;
}
