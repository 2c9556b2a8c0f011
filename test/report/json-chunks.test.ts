import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/numbers/decimal.js';
import { jsonChunks } from '../../src/report/json-chunks.js';

const text = (v: unknown) => [...jsonChunks(v)].join('');

describe('jsonChunks', () => {
  it('gives the text of JSON.stringify(value, null, 2) for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(text(v)).toBe(JSON.stringify(v, null, 2));
      }),
    );
  });

  it('leaves out what JSON leaves out, and uses toJSON', () => {
    const v = { a: undefined, b: [undefined, () => 1, 2], c: new Decimal('6664.50'), d: {}, e: [], f: { g: null }, h: new Date(0) };
    expect(text(v)).toBe(JSON.stringify(v, null, 2));
  });

  it('writes a list too large for one string in pieces, each small', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => ({ code: 'id-invalid', row: i + 2, message: '身份证号校验位不符' }));
    let longest = 0;
    let count = 0;
    for (const chunk of jsonChunks({ findings })) {
      longest = Math.max(longest, chunk.length);
      count += 1;
    }
    expect(count).toBeGreaterThan(20_000);
    expect(longest).toBeLessThan(200);
  });
});
