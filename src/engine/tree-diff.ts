// Two versions of a tree scored on the same metrics and judgements: which nodes' scores
// change, and what in their definitions changed (weight, rule kind, a rule parameter,
// target, place in the tree). Nodes are matched by id. Pure: `jixiao diff` prints it.
import { Decimal, plain } from '../numbers/decimal.js';
import { kindOf } from './rules/registry.js';
import { pts } from './rules/common.js';
import { scoredNodes, type ScoredNode, type ScoredTree } from './score.js';
import type { IndicatorNode, IndicatorTree } from './tree.js';

export interface NodeSide {
  score: Decimal;
  weight: Decimal;
  trace?: string;
  /** 待评: no judgement or metric for it under this version */
  pending: boolean;
}

export interface NodeChange {
  id: string;
  /** names from level 1 down (the new version's, or the old one's for a removed node) */
  path: string[];
  /** scored differently; added or removed; or defined differently with the same score */
  status: 'changed' | 'added' | 'removed' | 'same-score';
  a?: NodeSide;
  b?: NodeSide;
  /** what differs in the node's definition, in Chinese */
  why: string[];
}

export interface TreeDiff {
  a: { total: Decimal; grade: string; pending: number };
  b: { total: Decimal; grade: string; pending: number };
  /** differences of the trees' own settings (total, rounding, grade bands) */
  settings: string[];
  changes: NodeChange[];
}

/** A parameter value as a reader of the tree would write it: 100%, 0-2, ≥90%. */
function shown(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Decimal.isDecimal(value)) return plain(value as Decimal);
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (typeof v.text === 'string') return v.text;
  if (Decimal.isDecimal(v.low) && Decimal.isDecimal(v.high)) return (v.low as Decimal).equals(v.high as Decimal) ? plain(v.low as Decimal) : `${plain(v.low as Decimal)}-${plain(v.high as Decimal)}`;
  return undefined;
}

/** Every parameter at its path (bands[1].points, parts[0].rule.metric). */
function flatten(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  const own = shown(value);
  if (own !== undefined || value === null || value === undefined) {
    if (own !== undefined) out.set(prefix, own);
    return out;
  }
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const kindName = (kind: string) => `${kind}（${kindOf(kind).label}）`;

/** What differs between two definitions of the same node. */
export function definitionChanges(a: IndicatorNode, b: IndicatorNode): string[] {
  const why: string[] = [];
  if (!a.weight.equals(b.weight)) why.push(`权重 ${pts(a.weight)} → ${pts(b.weight)}`);
  if (a.name !== b.name) why.push(`名称「${a.name}」→「${b.name}」`);
  const parentA = a.path.slice(0, -1).join(' > ');
  const parentB = b.path.slice(0, -1).join(' > ');
  if (parentA !== parentB && a.name === b.name) why.push(`位置 ${parentA || '一级'} → ${parentB || '一级'}`);
  if ((a.target?.text ?? '') !== (b.target?.text ?? '')) why.push(`目标值 ${a.target?.text ?? '（无）'} → ${b.target?.text ?? '（无）'}`);
  if (a.rule && b.rule && a.rule.kind !== b.rule.kind) {
    why.push(`评分规则 ${kindName(a.rule.kind)} → ${kindName(b.rule.kind)}`);
  } else if (a.rule && b.rule) {
    const pa = flatten(a.rule.params, '', new Map());
    const pb = flatten(b.rule.params, '', new Map());
    for (const key of new Set([...pa.keys(), ...pb.keys()])) {
      if (pa.get(key) !== pb.get(key)) why.push(`规则参数 ${key}：${pa.get(key) ?? '（无）'} → ${pb.get(key) ?? '（无）'}`);
    }
  } else if (!a.rule !== !b.rule) {
    why.push(a.rule ? '末级指标 → 有下级指标' : '有下级指标 → 末级指标');
  }
  if ((a.criteria ?? '') !== (b.criteria ?? '') && why.length === 0) why.push('评分标准文字改动（规则未变）');
  return why;
}

function side(n: ScoredNode): NodeSide {
  return { score: n.score, weight: n.node.weight, ...(n.trace ? { trace: n.trace } : {}), pending: Boolean(n.pending) };
}

function treeSettings(a: IndicatorTree, b: IndicatorTree): string[] {
  const out: string[] = [];
  if (!a.total.equals(b.total)) out.push(`总分 ${pts(a.total)} → ${pts(b.total)}`);
  if (a.rounding.places !== b.rounding.places || a.rounding.at !== b.rounding.at) out.push(`取整 ${a.rounding.places} 位（${a.rounding.at}）→ ${b.rounding.places} 位（${b.rounding.at}）`);
  const bands = (t: IndicatorTree) => t.grades.map((g) => `${g.name}${g.min ? ` ≥${plain(g.min)}` : ''}`).join('、');
  if (bands(a) !== bands(b)) out.push(`评价等级 ${bands(a)} → ${bands(b)}`);
  return out;
}

export function diffScoredTrees(a: ScoredTree, b: ScoredTree): TreeDiff {
  const before = new Map([...scoredNodes(a.nodes)].map((n) => [n.node.id, n]));
  const after = [...scoredNodes(b.nodes)];
  const afterIds = new Set(after.map((n) => n.node.id));
  const changes: NodeChange[] = [];
  for (const nb of after) {
    const na = before.get(nb.node.id);
    if (!na) {
      changes.push({ id: nb.node.id, path: nb.node.path, status: 'added', b: side(nb), why: ['新增的指标'] });
      continue;
    }
    const why = definitionChanges(na.node, nb.node);
    const scoreMoved = !na.score.equals(nb.score) || Boolean(na.pending) !== Boolean(nb.pending);
    if (!scoreMoved && why.length === 0) continue;
    if (scoreMoved && why.length === 0) why.push(nb.node.children ? '下级指标的得分变化' : '定义未变：指标体系的取整或其他设置不同');
    changes.push({ id: nb.node.id, path: nb.node.path, status: scoreMoved ? 'changed' : 'same-score', a: side(na), b: side(nb), why });
  }
  for (const na of before.values()) {
    if (!afterIds.has(na.node.id)) changes.push({ id: na.node.id, path: na.node.path, status: 'removed', a: side(na), why: ['删去的指标'] });
  }
  return {
    a: { total: a.total, grade: a.grade, pending: a.pending },
    b: { total: b.total, grade: b.grade, pending: b.pending },
    settings: treeSettings(a.tree, b.tree),
    changes,
  };
}
