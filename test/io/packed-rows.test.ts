import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packRows, unpackRows } from '../../src/io/packed-rows.js';

describe('packed rows', () => {
  it('round-trips rows exactly: empty cells, Chinese text, line breaks, surrogate pairs', () => {
    const rows = [
      { row: 3, cells: ['1', '王伟', '', '14042219600101001X', '帮扶\n金额', '𠀀字'] },
      { row: 4, cells: [] },
      { row: 1_048_576, cells: [''] },
    ];
    const packed = packRows(rows);
    expect(packed.layout).toEqual(new Uint32Array([3, 6, 1, 2, 0, 18, 5, 3, 4, 0, 1_048_576, 1, 0]));
    expect(unpackRows(packed)).toEqual(rows);
  });

  it('round-trips any rows', () => {
    const rowArb = fc.record({ row: fc.integer({ min: 1, max: 2 ** 31 }), cells: fc.array(fc.string({ unit: 'binary' }), { maxLength: 12 }) });
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 50 }), (rows) => {
        expect(unpackRows(packRows(rows))).toEqual(rows);
      }));
  });
});
