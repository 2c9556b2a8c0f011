// jixiao metrics: the catalog of names a tree can use, kept in step with what the
// evaluations really produce; an evaluation's metrics with values, the finer cuts too.
import { describe, expect, it } from 'vitest';
import { METRIC_CATALOG } from '../../src/metrics/catalog.js';
import { parseMetricRef } from '../../src/metrics/metric-name.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { runInProcess } from '../helpers/run-in-process.js';

const metricsOf = async (dir: string) => JSON.parse((await runInProcess(['metrics', dir, '--format', 'json'], ROOT)).stdout).result.metrics as { name: string; value: string; source: string }[];

describe('jixiao metrics', () => {
  it('without an evaluation: every catalog name with its meaning and scopes', async () => {
    const run = await runInProcess(['metrics'], ROOT);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => /^[a-z_]+\.[a-z_]+ /.test(l)).map((l) => l.split(/\s+/)[0])).toEqual(METRIC_CATALOG.map((m) => m.name));
    expect(lines).toContain(`${'budget.execution_rate'.padEnd(30)} 预算执行率：支出 ÷ 到位（全国通用定义）；范围：@年度、[source=资金来源]、[project=子项目]、[帮扶类型]及其组合（预算表有这些列时）`);
  });

  it('every metric the fixtures’ data produce is in the catalog under its base name', async () => {
    const produced = new Set<string>();
    for (const dir of ['fixtures/xiangyuan', 'fixtures/scopes', 'fixtures/definitions']) {
      for (const m of await metricsOf(dir)) if (m.source === 'data' && !m.name.startsWith('derived.')) produced.add(parseMetricRef(m.name).base);
    }
    const catalog = new Set(METRIC_CATALOG.map((m) => m.name));
    expect([...produced].filter((b) => !catalog.has(b))).toEqual([]);
    expect(produced.size).toBeGreaterThan(15);
  });

  it('an evaluation’s metrics, finer cuts included, with their values', async () => {
    const ms = await metricsOf('fixtures/scopes');
    const v = (n: string) => ms.find((m) => m.name === n)?.value;
    expect([v('budget.execution_rate[source=市财政]@2023'), v('roster.persons[生活救助]@2023'), v('derived.launch_rate_mean'), v('survey.satisfaction[参与职工]')]).toEqual(['0.9', '7', '0.775', '0.8575']);
    expect(ms.length).toBe(225);
  });
});
