import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

/** The clock at 2026-01-01T00:00:00Z, and every write to stderr collected. */
function captureStderrFromStart(): string[] {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  const writes: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    writes.push(String(chunk));
    return true;
  });
  return writes;
}

describe('progress line', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('stays quiet for the first two seconds, then shows rows and rate on stderr', () => {
    const writes = captureStderrFromStart();
    const p = new Progress(true, 'big.csv');
    p.update(16384);
    expect(writes).toEqual([]);
    vi.setSystemTime(new Date('2026-01-01T00:00:04Z'));
    p.update(32768);
    p.done();
    expect(writes).toEqual(['\rbig.csv：已读 32,768 行（8,192 行/秒）', '\n']);
  });

  it('many files: the count of files read, at most four times a second, the last one always', () => {
    const writes = captureStderrFromStart();
    const p = new Progress(true, '资金汇总');
    p.files(1, 1000);
    expect(writes).toEqual([]);
    vi.setSystemTime(new Date('2026-01-01T00:00:03Z'));
    p.files(400, 1000);
    p.files(401, 1000);
    vi.setSystemTime(new Date('2026-01-01T00:00:03.100Z'));
    p.files(1000, 1000);
    p.done();
    expect(writes).toEqual(['\r资金汇总：已读 400 / 1,000 个文件', '\r资金汇总：已读 1,000 / 1,000 个文件', '\n']);
    const off = new Progress(false, '资金汇总', 0);
    off.files(1, 1);
    expect(writes).toHaveLength(3);
  });

  it('announces later steps on their own line once the run is long, not before', () => {
    const writes = captureStderrFromStart();
    const p = new Progress(true, '数据核查');
    p.stage('正在核查…');
    expect(writes).toEqual([]);
    vi.setSystemTime(new Date('2026-01-01T00:00:04Z'));
    p.update(32768);
    p.stage('正在核查…');
    p.stage('正在写入 数据核查.xlsx …');
    p.done();
    expect(writes).toEqual(['\r数据核查：已读 32,768 行（8,192 行/秒）', '\n', '数据核查：正在核查…\n', '数据核查：正在写入 数据核查.xlsx …\n']);
  });

  it('never writes when disabled (not a terminal, or --no-progress)', () => {
    const writes = captureStderrFromStart();
    const p = new Progress(false, 'big.csv');
    vi.setSystemTime(new Date('2026-01-01T00:01:00Z'));
    p.update(32768);
    p.stage('正在核查…');
    p.done();
    expect(writes).toEqual([]);
  });
});
