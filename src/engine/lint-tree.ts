// Consistency of a tree before anyone scores. Two levels: what `score` checks (weights
// add up, each rule can award exactly its indicator's weight, a kind's own consistency),
// and what `jixiao lint` adds (band tables with gaps or not monotone, points in the
// criteria text that contradict the rule, a qualitative target for quantitative criteria,
// a self-evaluation tree off the national split). A node may acknowledge a finding with
// a reason (lint: { ignore: [code], reason }): it is then listed apart, never counted.
import { exactSum } from '../numbers/fraction.js';
import { InputError, problem, type Problem } from '../problems/problem.js';
import { loadTree } from './load-tree.js';
import { kindOf } from './rules/registry.js';
import { pts } from './rules/common.js';
import { bandGaps, nonMonotone, type Band } from './lint/band-order.js';
import { criteriaPoints } from './lint/criteria-points.js';
import { nationalSplit } from './lint/national-split.js';
import type { IndicatorNode, IndicatorTree } from './tree.js';

export interface LintOptions {
  /** the checks of jixiao lint too, not only those score runs */
  all?: boolean;
}

export interface Acknowledged {
  problem: Problem;
  reason: string;
}

export interface LintResult {
  findings: Problem[];
  acknowledged: Acknowledged[];
}

/** Quantitative criteria: a percent, a comparison or a count to reach. */
const QUANTITATIVE = /\d+(\.\d+)?\s*[%％]|[≥≤><]\s*\d|(不低于|不少于|达到|大于|小于)\s*\d/;
/** shares of the points, not of a target: 「得 80%-100% 的分值」「得 60%-80%」「分值的 60%」 */
const SHARE = String.raw`\d+(?:\.\d+)?\s*[%％]?\s*[-－~～—至到]\s*\d+(?:\.\d+)?\s*[%％]|\d+(?:\.\d+)?\s*[%％]`;
const POINT_SHARES = new RegExp(String.raw`得\s*(?:${SHARE})|(?:${SHARE})\s*的?(?:分值|权重)|(?:分值|权重)的\s*(?:${SHARE})`, 'g');

export function lintFindings(tree: IndicatorTree, file: string, options: LintOptions = {}): LintResult {
  const findings: Problem[] = [];
  const acknowledged: Acknowledged[] = [];
  const strict = tree.partial ? 'warning' : 'error';
  const add = (node: IndicatorNode | undefined, p: Problem) => {
    const ack = node?.lint;
    if (ack && ack.ignore.includes(p.code)) acknowledged.push({ problem: p, reason: ack.reason });
    else findings.push(p);
  };

  const topSum = exactSum(tree.indicators.map((n) => n.weight));
  if (!topSum.equals(tree.total)) {
    add(undefined, problem(strict, 'tree-weights', `一级指标权重之和与总分不符`, { file }, { expected: pts(tree.total), found: pts(topSum), hint: '调整权重，或在部分指标体系上写 partial: true' }));
  }

  function visit(node: IndicatorNode): void {
    const where = { file, path: node.path };
    if (options.all) {
      for (const m of criteriaPoints(node)) add(node, problem('warning', 'criteria-points', m, where, { hint: '核对评分标准的分值与规则、权重；原文自相矛盾时选定一种读法，用 note 说明并以 lint.ignore 确认' }));
    }
    if (node.children) {
      const childSum = exactSum(node.children.map((c) => c.weight));
      if (!childSum.equals(node.weight)) add(node, problem(strict, 'tree-weights', `下级指标权重之和与本指标权重不符`, where, { expected: pts(node.weight), found: pts(childSum) }));
      node.children.forEach(visit);
      return;
    }
    if (!node.rule) return;
    const kind = kindOf(node.rule.kind);
    const max = kind.maxPoints(node.rule.params, node.weight);
    if (!max.equals(node.weight)) {
      add(
        node,
        problem('error', 'rule-max-points', `评分规则最多给 ${pts(max)} 分，与指标权重 ${pts(node.weight)} 分不符`, where, {
          hint: '核对评分标准中各项分值之和与权重；原文自相矛盾时，选定一种读法并用 note 说明',
        }),
      );
    }
    for (const message of kind.lint?.(node.rule.params, node.weight) ?? []) add(node, problem('error', 'rule-inconsistent', message, where));
    if (!options.all) return;
    for (const { part, bands } of bandTables(node)) {
      const of = part ? `部分「${part}」：` : '';
      for (const m of bandGaps(bands)) add(node, problem('warning', 'bands-gap', `${of}${m}`, where, { hint: '补全分档，否则落在空档的取值无法评分' }));
      for (const m of nonMonotone(bands)) add(node, problem('warning', 'rule-non-monotone', `${of}${m}`, where, { hint: '核对各档分值：完成得更好的不应得分更少' }));
    }
    if (node.target?.qualitative && node.criteria && QUANTITATIVE.test(node.criteria.replace(POINT_SHARES, ''))) {
      add(node, problem('warning', 'target-qualitative', `目标值「${node.target.text}」是定性的，评分标准却是定量的：「${node.criteria}」`, where, { hint: '写出数值目标（如 ≥98%），完成值才能与之比较' }));
    }
  }
  tree.indicators.forEach(visit);
  if (options.all) for (const m of nationalSplit(tree)) add(m.node, problem('warning', 'weights-national-split', m.message, { file, path: m.node.path }, { hint: '自评表按全国通用的权重设置；确有不同时在指标体系上写 weights: custom' }));
  return { findings, acknowledged };
}

/** The band tables of a leaf: its own, or its composite parts' (named). */
function bandTables(node: IndicatorNode): { part?: string; bands: Band[] }[] {
  const rule = node.rule;
  if (!rule) return [];
  if (rule.kind === 'bands') return [{ bands: (rule.params as { bands: Band[] }).bands }];
  if (rule.kind === 'composite') {
    const parts = (rule.params as { parts: { name: string; rule: { kind: string; params: unknown } }[] }).parts;
    return parts.filter((x) => x.rule.kind === 'bands').map((x) => ({ part: x.name, bands: (x.rule.params as { bands: Band[] }).bands }));
  }
  return [];
}

/** The checks score runs, acknowledged findings left out. */
export function lintTree(tree: IndicatorTree, file: string): Problem[] {
  return lintFindings(tree, file).findings;
}

/**
 * A tree as score takes it: loaded, and refused (InputError) when it does not load or has
 * lint errors; its loading warnings and score-level lint findings come back with it.
 */
export function scorableTree(raw: unknown, file: string): { tree: IndicatorTree; problems: Problem[] } {
  const loaded = loadTree(raw, file);
  if (!loaded.tree) throw new InputError(loaded.problems);
  const lint = lintTree(loaded.tree, file);
  if (lint.some((p) => p.severity === 'error')) throw new InputError([...loaded.problems, ...lint]);
  return { tree: loaded.tree, problems: [...loaded.problems, ...lint] };
}
