// From a tree file's parsed content (YAML or JSON, already read) to a validated
// IndicatorTree. Every problem names the indicator path, e.g.
// "项目决策 > 绩效目标 > 绩效目标合理性：缺少权重 weight". Pure: no I/O.
import { z } from 'zod';
import { Decimal } from '../numbers/decimal.js';
import { problem, type Problem, type Where } from '../problems/problem.js';
import { zodProblems } from '../problems/zod-issues.js';
import { decimalSchema, nonNegativeDecimal } from '../schema/numbers.js';
import { parseRuleSpec } from './rules/registry.js';
import { parseTarget } from '../schema/target.js';
import type { IndicatorNode, IndicatorTree } from './tree.js';
import { DEFAULT_GRADES, type GradeBand } from '../schema/grades.js';

const NODE_LABELS = {
  id: '编号',
  name: '名称',
  weight: '权重',
  rule: '评分规则',
  children: '下级指标',
  explanation: '指标解释',
  criteria: '评分标准',
  target: '目标值',
};


const gradeSchema = z.strictObject({ name: z.string().min(1), min: decimalSchema.optional(), min_inclusive: z.boolean().default(true) });

const header = z.strictObject({
  title: z.string().min(1),
  type: z.enum(['evaluation', 'self-evaluation']),
  description: z.string().optional(),
  levels: z.array(z.string().min(1)).min(1).default(['一级指标', '二级指标', '三级指标']),
  total: nonNegativeDecimal.default(new Decimal(100)),
  grades: z.array(gradeSchema).min(1).optional(),
  rounding: z
    .strictObject({ places: z.number().int().min(0).max(6).default(2), at: z.enum(['part', 'leaf', 'total']).default('leaf') })
    .default({ places: 2, at: 'leaf' }),
  partial: z.boolean().default(false),
  /** custom: a self-evaluation tree whose weights depart from the national split on purpose */
  weights: z.literal('custom').optional(),
  indicators: z.array(z.unknown()).min(1),
});

const nodeSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, '编号只能用字母、数字、下划线和连字符'),
  name: z.string().min(1),
  weight: nonNegativeDecimal,
  explanation: z.string().optional(),
  criteria: z.string().optional(),
  target: z.union([z.string(), z.number()]).optional(),
  note: z.string().optional(),
  rule: z.looseObject({ kind: z.string() }).optional(),
  children: z.array(z.unknown()).min(1).optional(),
  /** lint findings accepted here: { ignore: [criteria-points], reason: 按第四部分读 } */
  lint: z.strictObject({ ignore: z.array(z.string().min(1)).min(1), reason: z.string().min(1) }).optional(),
});

export interface LoadedTree {
  tree?: IndicatorTree;
  problems: Problem[];
}

function defaultGrades(total: Decimal): z.infer<typeof gradeSchema>[] {
  return DEFAULT_GRADES.map((g) => ({ name: g.name, min_inclusive: true, ...(g.min !== undefined ? { min: total.times(g.min).dividedBy(100) } : {}) }));
}

function gradeBands(raw: z.infer<typeof gradeSchema>[], where: Where, problems: Problem[]): GradeBand[] {
  const bands: GradeBand[] = raw.map((g) => ({ name: g.name, minInclusive: g.min_inclusive, ...(g.min ? { min: g.min } : {}) }));
  bands.forEach((b, i) => {
    const last = i === bands.length - 1;
    if (last && b.min) problems.push(problem('error', 'tree-grades', `最后一个评价等级「${b.name}」不应有下限 min（它收下所有更低的得分）`, where));
    if (!last && !b.min) problems.push(problem('error', 'tree-grades', `评价等级「${b.name}」缺少下限 min`, where));
    const prev = bands[i - 1];
    if (prev?.min && b.min && !b.min.lessThan(prev.min)) {
      problems.push(problem('error', 'tree-grades', `评价等级应按下限从高到低排列：「${b.name}」的下限不低于「${prev.name}」`, where));
    }
  });
  return bands;
}

export function loadTree(raw: unknown, file: string): LoadedTree {
  const problems: Problem[] = [];
  const fileWhere: Where = { file };
  const head = header.safeParse(raw);
  if (!head.success) return { problems: zodProblems(head.error, fileWhere, 'tree-invalid', NODE_LABELS, raw, header) };
  const h = head.data;
  const ids = new Map<string, string>();

  function node(rawNode: unknown, parentPath: string[], index: number): IndicatorNode | undefined {
    const guessName = typeof rawNode === 'object' && rawNode !== null ? (rawNode as Record<string, unknown>).name ?? (rawNode as Record<string, unknown>).id : undefined;
    const path = [...parentPath, typeof guessName === 'string' ? guessName : `第 ${index + 1} 个指标`];
    const where: Where = { file, path };
    const parsed = nodeSchema.safeParse(rawNode);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, where, 'tree-node-invalid', NODE_LABELS, rawNode, nodeSchema));
      return undefined;
    }
    const n = parsed.data;
    const seen = ids.get(n.id);
    if (seen) problems.push(problem('error', 'tree-duplicate-id', `指标编号 ${n.id} 重复（另见 ${seen}）`, where));
    ids.set(n.id, path.join(' > '));
    const level = path.length;
    if (level > h.levels.length) {
      problems.push(problem('error', 'tree-too-deep', `指标层级超过了 levels 中定义的 ${h.levels.length} 级`, where));
    }
    const built: IndicatorNode = { id: n.id, name: n.name, weight: n.weight, path, level };
    if (n.explanation) built.explanation = n.explanation;
    if (n.criteria) built.criteria = n.criteria;
    if (n.note) built.note = n.note;
    if (n.lint) built.lint = n.lint;
    if (n.target !== undefined) built.target = parseTarget(String(n.target));
    if (n.children && n.rule) {
      problems.push(problem('error', 'tree-node-invalid', '一个指标不能同时有下级指标 children 和评分规则 rule', where));
    } else if (!n.children && !n.rule) {
      problems.push(problem('error', 'tree-node-invalid', '末级指标缺少评分规则 rule', where, { hint: '写明 rule.kind（linear、bands、checklist 等）及其参数' }));
    }
    if (n.rule) {
      const rule = parseRuleSpec(n.rule);
      if (rule.ok) built.rule = rule.spec;
      else for (const m of rule.messages) problems.push(problem('error', 'tree-rule-invalid', `评分规则有误：${m}`, { ...where, field: 'rule' }));
    }
    // a child that fails to parse has reported an error, so no tree is returned then
    if (n.children) built.children = n.children.map((c, i) => node(c, path, i)) as IndicatorNode[];
    return built;
  }

  const indicators = h.indicators.map((n, i) => node(n, [], i));
  const grades = gradeBands(h.grades ?? defaultGrades(h.total), fileWhere, problems);
  // an indicator that failed to parse has reported an error
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return {
    tree: {
      title: h.title,
      type: h.type,
      levels: h.levels,
      total: h.total,
      grades,
      ...(!h.grades && !h.total.equals(100) ? { gradesScaled: true } : {}),
      rounding: h.rounding,
      partial: h.partial,
      ...(h.weights ? { weights: h.weights } : {}),
      indicators: indicators as IndicatorNode[],
    },
    problems,
  };
}
