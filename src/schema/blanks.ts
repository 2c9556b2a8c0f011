// Blank values (`~`, or nothing after the colon) in the YAML files people fill in: taken as
// not given, so that a file `jixiao init` wrote with blanks to fill reads as incomplete, not invalid.
export const isBlank = (v: unknown): boolean => v === null || v === undefined;

/** The value with blank fields left out, recursively; maps that end up empty go too. Lists are kept as they are. */
export function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = withoutBlanks(v);
    const emptyMap = typeof p === 'object' && p !== null && !Array.isArray(p) && Object.keys(p).length === 0;
    if (!isBlank(p) && !emptyMap) out[k] = p;
  }
  return out;
}
