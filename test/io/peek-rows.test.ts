import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/io/raw-table.js';
import { peekRows, type SheetSource } from '../../src/io/sheet-source.js';

function source(batches: number[][], log: string[]): SheetSource {
  async function* rows(): AsyncGenerator<RawRow[]> {
    try {
      for (const b of batches) {
        log.push(`read ${b.join(',')}`);
        yield b.map((n) => ({ row: n, cells: [String(n)] }));
      }
    } finally {
      log.push('released');
    }
  }
  return { file: 'a.csv', sheet: '表1', merges: [{ top: 1, left: 1, bottom: 1, right: 2 }], rows: rows() };
}

const numbers = async (s: SheetSource) => {
  const out: number[] = [];
  for await (const batch of s.rows) out.push(...batch.map((r) => r.row));
  return out;
};

describe('peekRows', () => {
  it('reads whole batches until it has the sample, then replays them before the rest', async () => {
    const log: string[] = [];
    const { head, source: rest } = await peekRows(source([[1, 2], [3, 4], [5, 6], [7]], log), 3);
    expect(head.rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(head.sheet).toBe('表1');
    expect(head.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(log).toEqual(['read 1,2', 'read 3,4']);
    expect(await numbers(rest)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(log).toEqual(['read 1,2', 'read 3,4', 'read 5,6', 'read 7', 'released']);
  });

  it('handles a sheet shorter than the sample', async () => {
    const log: string[] = [];
    const { head, source: rest } = await peekRows(source([[1]], log), 40);
    expect(head.rows.map((r) => r.row)).toEqual([1]);
    expect(await numbers(rest)).toEqual([1]);
  });

  it('releases the underlying reader when the consumer stops early', async () => {
    const log: string[] = [];
    const { source: rest } = await peekRows(source([[1], [2], [3]], log), 1);
    for await (const _batch of rest.rows) break;
    expect(log).toEqual(['read 1', 'released']);
  });
});
