// The built-in templates load and pass the tree checks, and score as their rules say.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintFindings, lintTree } from '../../src/engine/lint-tree.js';
import { loadTree } from '../../src/engine/load-tree.js';
import { score } from '../../src/engine/score.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { metric, metricSet } from '../helpers/metrics.js';

const dir = join(ROOT, 'indicators');
const load = (file: string) => loadTree(parse(readFileSync(join(dir, file), 'utf8')), file);

describe('built-in indicator templates', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('%s loads and passes the tree checks', (file) => {
    const loaded = load(file);
    expect(loaded.problems).toEqual([]);
    expect(lintTree(loaded.tree!, file)).toEqual([]);
  });

  it.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('%s passes every lint check, or acknowledges what it prints', (file) => {
    const { findings, acknowledged } = lintFindings(load(file).tree!, file, { all: true });
    const seen = [...findings, ...acknowledged.map((a) => a.problem)].map((p) => `${p.code} ${(p.where.path ?? []).slice(-1)[0]}`);
    // the Xiangyuan tree keeps 附件1's text as printed (its note says how it is read); Hainan acknowledges its （25分）
    const printed: Record<string, string[]> = { 'xiangyuan-hardship-aid.yaml': ['criteria-points 项目执行有效性'], 'hainan-self-check-2015.yaml': ['criteria-points 决策程序'] };
    expect(seen).toEqual(printed[file] ?? []);
  });

  it('the evaluation templates keep 产出 + 效益 at 60 points or more (财预〔2020〕10号)', () => {
    for (const file of ['national-common-framework-2020.yaml', 'xiangyuan-hardship-aid.yaml']) {
      const tree = load(file).tree!;
      const share = tree.indicators.filter((n) => /产出|效益/.test(n.name)).reduce((sum, n) => sum + n.weight.toNumber(), 0);
      expect([file, share >= 60]).toEqual([file, true]);
    }
  });

  it('the 2021 core template applies the 60% pass mark and the satisfaction bands', () => {
    const tree = load('core-indicators-2021.yaml').tree!;
    const result = score({
      tree,
      metrics: metricSet(
        metric('budget.execution_rate', '0.85'),
        metric('roster.person_times', '0.8', 'count'),
        metric('roster.compliance_rate', '0.98'),
        metric('survey.satisfaction', '0.85'),
      ),
      answers: { social_effect: { grade: '达成' } },
    });
    expect(result.problems).toEqual([]);
    const s = result.scored!;
    expect(s.nodes.map((n) => n.score.toFixed(2))).toEqual(['7.00', '35.00', '30.00', '8.00']);
    expect(s.total.toFixed(2)).toBe('80.00');
    expect(s.grade).toBe('良');
  });
});
