// JSON text in pieces, the same text JSON.stringify(value, null, 2) gives: a million
// findings make more JSON than one string can hold (V8 caps strings at ~512 MB), so
// arrays and plain objects are written member by member.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

export function* jsonChunks(value: unknown, indent = ''): Generator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 0) {
    yield '[';
    for (let i = 0; i < value.length; i += 1) {
      yield `\n${inner}`;
      const item: unknown = value[i];
      if (omitted(item)) yield 'null';
      else yield* jsonChunks(item, inner);
      if (i < value.length - 1) yield ',';
    }
    yield `\n${indent}]`;
    return;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => !omitted(value[k]));
    if (keys.length > 0) {
      yield '{';
      for (let i = 0; i < keys.length; i += 1) {
        const key = keys[i] as string;
        yield `\n${inner}${JSON.stringify(key)}: `;
        yield* jsonChunks(value[key], inner);
        if (i < keys.length - 1) yield ',';
      }
      yield `\n${indent}}`;
      return;
    }
  }
  // anything else (numbers, strings, empty containers, objects with toJSON) as JSON.stringify writes it
  const text = JSON.stringify(value, null, 2) as string | undefined;
  yield text === undefined ? 'null' : text.replace(/\n/g, `\n${indent}`);
}
