import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholeUtf8Prefix } from '../../src/io/csv-rows.js';

describe('wholeUtf8Prefix', () => {
  it('stops before a character cut short', () => {
    const bytes = Buffer.from('a王𠀀', 'utf8'); // 1 + 3 + 4 bytes
    expect([...Array(bytes.length + 1).keys()].map((k) => wholeUtf8Prefix(bytes.subarray(0, k)))).toEqual([0, 1, 1, 1, 4, 4, 4, 4, 8]);
  });

  it('leaves invalid bytes to the check (a lone continuation byte is not held back)', () => {
    expect(wholeUtf8Prefix(Buffer.from([0x61, 0x80]))).toBe(2);
    expect(wholeUtf8Prefix(Buffer.from([0x80, 0x80, 0x80, 0x80]))).toBe(4);
  });

  it('cuts any text at a character boundary at most 3 bytes back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, cut) => {
        const bytes = Buffer.from(text, 'utf8');
        const k = bytes.length === 0 ? 0 : cut % (bytes.length + 1);
        const whole = wholeUtf8Prefix(bytes.subarray(0, k));
        expect(k - whole).toBeLessThanOrEqual(3);
        expect(isUtf8(bytes.subarray(0, whole))).toBe(true);
        expect(isUtf8(bytes.subarray(whole))).toBe(true);
      }),
    );
  });
});
