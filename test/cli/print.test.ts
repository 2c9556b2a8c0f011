// Printing for people and for machines: colour only on a terminal (NO_COLOR, TERM=dumb
// and FORCE_COLOR respected), problems errors first and capped with the rest counted,
// JSON in pieces that fit any size, personal numbers masked unless asked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Chalk } from 'chalk';
import { Writable } from 'node:stream';
import { colourFor, printJson, printLines, printProblems, problemLine } from '../../src/cli/print.js';
import { problem } from '../../src/problems/problem.js';

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function captured(stream: 'stdout' | 'stderr'): string[] {
  const into: string[] = [];
  vi.spyOn(process[stream], 'write').mockImplementation(((chunk: string) => {
    into.push(chunk);
    return true;
  }) as typeof process.stdout.write);
  return into;
}

describe('colourFor', () => {
  it('a terminal gets colour unless NO_COLOR or TERM=dumb; FORCE_COLOR (not 0) gives it anywhere', () => {
    const level = (stream: NodeJS.WriteStream, env: Record<string, string | undefined>) => {
      vi.unstubAllEnvs();
      vi.stubEnv('NO_COLOR', undefined as unknown as string);
      vi.stubEnv('FORCE_COLOR', undefined as unknown as string);
      vi.stubEnv('TERM', 'xterm');
      for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v as string);
      return colourFor(stream).level;
    };
    expect([level(tty, {}), level(pipe, {}), level(tty, { NO_COLOR: '1' }), level(tty, { TERM: 'dumb' })]).toEqual([1, 0, 0, 0]);
    expect([level(pipe, { FORCE_COLOR: '1' }), level(pipe, { FORCE_COLOR: '0' }), level(tty, { FORCE_COLOR: '0' })]).toEqual([1, 0, 1]);
  });
});

describe('problems for people', () => {
  const c = new Chalk({ level: 1 });
  it('the level in its colour (errors red, warnings yellow, notes cyan), the code dimmed', () => {
    const line = (severity: 'error' | 'warning' | 'info') => problemLine(problem(severity, 'x-y', '说明', { file: 'a.csv' }), c);
    expect([line('error'), line('warning'), line('info')]).toEqual([
      '\u001b[31m错误\u001b[39m \u001b[2m[x-y]\u001b[22m a.csv：说明',
      '\u001b[33m警告\u001b[39m \u001b[2m[x-y]\u001b[22m a.csv：说明',
      '\u001b[36m提示\u001b[39m \u001b[2m[x-y]\u001b[22m a.csv：说明',
    ]);
  });

  it('errors first, at most the limit, then how many more; IDs masked unless asked', () => {
    vi.stubEnv('NO_COLOR', '1');
    const out = captured('stderr');
    const list = [problem('info', 'a', '一'), problem('warning', 'b', '二'), problem('error', 'c', '三 140423199001011234')];
    printProblems(list, 2);
    expect(out).toEqual(['错误 [c] 三 1404**********1234\n', '警告 [b] 二\n', '……另有 1 个问题未列出（用 --format json 查看全部）\n']);
    out.length = 0;
    printProblems(list, 3, true);
    expect(out).toEqual(['错误 [c] 三 140423199001011234\n', '警告 [b] 二\n', '提示 [a] 一\n']);
  });
});

describe('output', () => {
  it('JSON of any size in pieces of 64 KB, whole when joined; IDs masked unless asked', async () => {
    const out = captured('stdout');
    const big = Array.from({ length: 30_000 }, (_, i) => ({ i, text: '帮扶'.repeat(10), id: '140423199001011234' }));
    await printJson(big);
    expect(out.length).toBeGreaterThan(1);
    expect(Math.max(...out.map((c) => c.length))).toBeLessThan((1 << 16) + 200);
    const parsed = JSON.parse(out.join(''));
    expect([parsed.length, parsed[29_999].i, parsed[0].id]).toEqual([30_000, 29_999, '1404**********1234']);
    out.length = 0;
    await printJson({ id: '140423199001011234' }, true);
    expect(JSON.parse(out.join(''))).toEqual({ id: '140423199001011234' });
  });

  it('JSON waits for a slow reader: what is buffered in the stream stays bounded, and the text is whole', async () => {
    const pieces: string[] = [];
    let peak = 0;
    // a pipe whose reader takes one piece per tick, with a 16 KB buffer
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, done) {
        pieces.push(chunk.toString('utf8'));
        setImmediate(done);
      },
    });
    const write = slow.write.bind(slow);
    slow.write = ((chunk: string) => {
      const ok = write(chunk);
      peak = Math.max(peak, slow.writableLength);
      return ok;
    }) as typeof slow.write;
    const big = Array.from({ length: 40_000 }, (_, i) => ({ i, text: '帮扶资金'.repeat(5) }));
    await printJson(big, false, slow);
    await new Promise((resolve) => slow.end(resolve));
    expect(JSON.parse(pieces.join(''))).toHaveLength(40_000);
    // never more than one piece beyond the stream's own buffer: a printer that does not wait holds it all (~4 MB)
    expect(peak).toBeLessThan(16 * 1024 + (1 << 16) * 3 + 200);
  });

  it('lines for people end with a newline, masked unless asked', () => {
    const out = captured('stdout');
    printLines(['一', '身份证 140423199001011234']);
    printLines(['身份证 140423199001011234'], true);
    expect(out).toEqual(['一\n身份证 1404**********1234\n', '身份证 140423199001011234\n']);
  });
});
