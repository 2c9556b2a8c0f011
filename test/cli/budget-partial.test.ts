// An evaluation whose budget table has no 到位 column (many projects report only 预算
// and 执行): the metrics that need only what is there are computed, the two that need
// 到位 are missing by name — never taken from the other definition.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, edit } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

const withoutArrived = (text: string) =>
  text
    .split('\n')
    .map((line) => line.split(',').filter((_, i) => i !== 3).join(','))
    .join('\n');

describe('score with a budget table of 预算 and 执行 only', () => {
  it('exits 2 naming the two metrics that need 到位; --draft scores the rest, 预算执行率 (执行数 ÷ 预算数) computed', async () => {
    const dir = copyFixture('xiangyuan');
    edit(dir, 'budget.csv', withoutArrived);
    const run = await runInProcess(['score', dir, '-o', mkdtempSync(join(tmpdir(), 'jixiao-bp-'))], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean).map((l) => /\[(\S+)\].*缺少指标数据 (\S+)/.exec(l)?.slice(1))).toEqual([
      ['metric-missing', 'budget.arrival_rate'],
      ['metric-missing', 'budget.execution_rate'],
    ]);
    const draft = await runInProcess(['score', dir, '--draft', '--format', 'json', '-o', mkdtempSync(join(tmpdir(), 'jixiao-bp-'))], dir);
    const json = JSON.parse(draft.stdout);
    const metrics = Object.fromEntries(json.result.metrics.filter((m: { name: string }) => m.name.startsWith('budget.')).map((m: { name: string; value: string }) => [m.name, m.value]));
    expect(metrics).toEqual({ 'budget.planned': '171600', 'budget.spent': '171600', 'budget.execution_rate_planned': '1', 'budget.planned_person_times': '29' });
    // 88.50 less the 2 + 2 points of the two leaves that wait for 到位
    expect([draft.code, json.result.total, json.result.pending]).toEqual([1, '84.50', 2]);
  });
});
