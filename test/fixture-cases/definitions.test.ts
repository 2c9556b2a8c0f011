// fixtures/definitions: every metric on data where its definitions differ, so a
// definition swapped for another changes a score here. Planned 100,000 ≠ arrived
// 80,000 ≠ spent 60,000; 8 person-times of 10 planned, by 6 persons; a survey with
// blank answers; a given roster.persons (10) that differs from the computed one (6).
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { scoreEvaluation, type EvaluationResult } from '../../src/run/score-evaluation.js';
import { metricValue, nodeOf } from '../helpers/scored-evaluation.js';
import { ROOT } from '../helpers/fixture-copy.js';

let result: EvaluationResult;
// beforeEach, not beforeAll: work done outside a test counts as "static" for Stryker,
// which then runs the whole suite against each mutant the evaluation reaches.
beforeEach(async () => {
  result = await scoreEvaluation(join(ROOT, 'fixtures/definitions'));
});

const leaf = (id: string) => nodeOf(result, id);
const value = (name: string) => metricValue(result, name);

describe('metric definitions told apart', () => {
  it('资金到位率 = arrived ÷ planned (80%, not spent ÷ planned 60% or planned ÷ arrived 125%)', () => {
    expect(value('budget.arrival_rate')).toBe('0.8');
    expect(leaf('arrival').score.toString()).toBe('1.67');
  });

  it('预算执行率 = spent ÷ arrived (75%, not spent ÷ planned 60%)', () => {
    expect(value('budget.execution_rate')).toBe('0.75');
    expect(leaf('execution').score.toString()).toBe('2.5');
    expect(value('budget.balance')).toBe('20000');
  });

  it('the roster’s execution rate = paid ÷ approved over all rows (20,000 ÷ 21,000)', () => {
    expect(leaf('roster_execution').score.toString()).toBe('5.24');
  });

  it('帮扶开展率 = person-times paid ÷ planned (8 ÷ 10, not persons 6 ÷ 10, not inverted)', () => {
    expect([value('roster.person_times'), value('roster.persons'), value('roster.launch_rate')]).toEqual(['8', '6', '0.8']);
    expect(leaf('launch').score.toString()).toBe('6');
  });

  it('persons, not person-times, and the computed value over the given one, with a warning', () => {
    expect(leaf('persons').score.toString()).toBe('6');
    expect(result.problems.filter((p) => p.code === 'metric-given-differs').map((p) => [p.expected, p.found])).toEqual([['6人', '10人']]);
  });

  it('blank survey answers count neither way (52 of 60 points, not 52 of 80)', () => {
    expect(value('survey.score_total')).toBe('52');
    expect(result.loaded.metrics.get('survey.satisfaction')?.value.toFixed(4)).toBe('0.8667');
    expect(leaf('satisfaction').score.toString()).toBe('10');
  });

  it('the total is the sum of the rounded leaves', () => {
    expect(result.scored.total.toString()).toBe('31.41');
    expect(result.scored.nodes.map((n) => n.score.toString())).toEqual(['9.41', '22']);
  });
});
