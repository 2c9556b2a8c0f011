// jixiao indicators import: a printed score table (附件1 / 表3-1, a firm's indicator sheet,
// or flat rows of levels, weight, criteria and target) turned into a tree file: names,
// weights, targets, explanations and criteria as printed, a rule wherever the criteria text
// is a standard one, a manual rule with the criteria as guidance elsewhere; and, per leaf,
// what was recognised and what was not. Given an earlier tree (--like), its ids, item ids
// and metric names are kept where names match, so judgements written for it still apply.
import { stringify } from 'yaml';
import { splitPoints } from '../checks/printed-figures.js';
import { recogniseCriteria, type WrittenRule } from '../engine/criteria-rules.js';
import { scorableTree } from '../engine/lint-tree.js';
import type { IndicatorNode, IndicatorTree } from '../engine/tree.js';
import type { OpenOptions } from '../io/open-sheets.js';
import { METRIC_CATALOG } from '../metrics/catalog.js';
import { Decimal } from '../numbers/decimal.js';
import { parseNumber } from '../numbers/parse.js';
import { InputError, problem, type Problem } from '../problems/problem.js';
import type { PrintedRow, PrintedTable } from '../schema/score-table.js';
import { readScoreTables } from './read-score-table.js';

export interface ImportedLeaf {
  path: string[];
  id: string;
  /** the rule kind written */
  kind: string;
  /** what was read from the criteria, or why nothing was */
  note: string;
  recognised: boolean;
}

export interface ImportResult {
  /** the tree file's text (YAML) */
  yaml: string;
  table: PrintedTable;
  leaves: ImportedLeaf[];
  /** lint's findings on the tree written */
  problems: Problem[];
}

interface Draft {
  name: string;
  printedPoints?: Decimal;
  weight?: Decimal;
  row?: PrintedRow;
  children: Draft[];
}

/** The table to import: the one with most indicator rows (附件1 over a summary). */
function pickTable(tables: readonly PrintedTable[]): PrintedTable {
  const rows = (t: PrintedTable) => t.rows.filter((r) => r.kind === 'item').length + (t.columns.criteria !== undefined ? 0.5 : 0);
  return [...tables].sort((a, b) => rows(b) - rows(a) || b.levelHeaders.length - a.levelHeaders.length)[0]!;
}

function draftTree(table: PrintedTable, file: string): Draft[] {
  const roots: Draft[] = [];
  for (const r of table.rows.filter((x) => x.kind === 'item')) {
    const names = r.levels.filter((l) => l !== '');
    let siblings = roots;
    let node: Draft | undefined;
    for (const raw of names) {
      const { name, points } = splitPoints(raw);
      node = siblings.find((d) => d.name === name);
      if (!node) {
        node = { name, ...(points ? { printedPoints: points } : {}), children: [] };
        siblings.push(node);
      }
      siblings = node.children;
    }
    if (!node) continue;
    const weight = r.weight ? parseNumber(r.weight.text)?.value : undefined;
    if (!weight) throw new InputError([problem('error', 'import-weight-missing', `「${names.join(' > ')}」没有权重（分值）`, { file, row: r.row }, { hint: '评分表应有 权重 或 分值 列，每个末级指标一个数' })]);
    node.weight = weight;
    node.row = r;
  }
  return roots;
}

/** Ids and rule parameters of an earlier tree, by path of names. */
function referenceOf(tree: IndicatorTree | undefined): { byPath: Map<string, IndicatorNode>; byName: Map<string, IndicatorNode[]> } {
  const byPath = new Map<string, IndicatorNode>();
  const byName = new Map<string, IndicatorNode[]>();
  const visit = (n: IndicatorNode) => {
    byPath.set(n.path.join('>'), n);
    byName.set(n.name, [...(byName.get(n.name) ?? []), n]);
    n.children?.forEach(visit);
  };
  tree?.indicators.forEach(visit);
  return { byPath, byName };
}

/** The metric names an earlier tree's rule reads, in order (a composite's parts one by one). */
function metricsOf(n: IndicatorNode | undefined): string[] {
  if (!n?.rule) return [];
  const p = n.rule.params as { metric?: string; parts?: { rule: { params: { metric?: string } } }[] };
  if (p.parts) return p.parts.map((x) => x.rule.params.metric ?? '');
  return p.metric ? [p.metric] : [];
}

/** An earlier tree's item, veto and part ids given to a rule of the same kind and shape. */
function keepIds(rule: WrittenRule, ref: IndicatorNode | undefined): WrittenRule {
  if (!ref?.rule || ref.rule.kind !== rule.kind) return rule;
  const p = ref.rule.params as { items?: { id: string }[]; vetoes?: { id: string }[]; parts?: { id: string }[] };
  const renamed = { ...rule };
  for (const key of ['items', 'vetoes', 'parts'] as const) {
    const mine = rule[key] as { id: string }[] | undefined;
    const theirs = p[key];
    if (mine && theirs && mine.length === theirs.length) renamed[key] = mine.map((x, i) => ({ ...x, id: theirs[i]!.id }));
  }
  return renamed;
}

/** A number as YAML should show it: 1.5, not "1.5" (a fraction such as 1/3 stays as written). */
const num = (d: Decimal | string): number | string => {
  const text = d.toString();
  return String(Number(text)) === text ? Number(text) : text;
};

const catalogMetric = (label: string) => METRIC_CATALOG.find((m) => m.label === label)?.name;

export async function importTree(path: string, display: string, options: { like?: IndicatorTree; title?: string } & OpenOptions = {}): Promise<ImportResult> {
  const { tables } = await readScoreTables(path, display, options);
  const table = pickTable(tables);
  const roots = draftTree(table, display);
  const ref = referenceOf(options.like);
  const imported: ImportedLeaf[] = [];
  /** The earlier tree's node of that path, or of that name where only one has it. */
  const idOf = (pathNames: string[]) => {
    const exact = ref.byPath.get(pathNames.join('>'));
    if (exact) return exact;
    const same = ref.byName.get(pathNames.at(-1) ?? '');
    return same && same.length === 1 ? same[0] : undefined;
  };
  const taken = new Set<string>();
  const uniqueId = (wanted: string) => {
    let id = wanted;
    for (let i = 2; taken.has(id); i += 1) id = `${wanted}_${i}`;
    taken.add(id);
    return id;
  };
  const build = (d: Draft, trail: string[], position: string): Record<string, unknown> => {
    const pathNames = [...trail, d.name];
    const refNode = idOf(pathNames);
    const id = uniqueId(refNode?.id ?? `n${position}`);
    const r = d.row;
    const texts = {
      ...(r?.explanation ? { explanation: r.explanation.text } : {}),
      ...(r?.criteria ? { criteria: r.criteria.text } : {}),
      ...(r?.target ? { target: r.target.text } : {}),
    };
    if (d.children.length > 0) {
      const children = d.children.map((c, i) => build(c, pathNames, `${position}_${i + 1}`));
      const sum = children.reduce((a, c) => a.plus(String(c.weight)), new Decimal(0));
      return { id, name: d.name, weight: num(d.printedPoints ?? sum), ...texts, children };
    }
    const weight = d.weight ?? new Decimal(0);
    const refMetrics = metricsOf(refNode);
    const read = recogniseCriteria(r?.criteria?.text, { name: d.name, weight, ...(r?.ruleType ? { type: r.ruleType.text } : {}), metricFor: (label, i) => refMetrics[i] || catalogMetric(label) || catalogMetric(d.name) });
    const rule: WrittenRule = 'rule' in read ? keepIds(read.rule, refNode) : { kind: 'manual', ...(r?.criteria ? { guidance: r.criteria.text } : {}) };
    imported.push({ path: pathNames, id, kind: rule.kind, note: 'rule' in read ? read.note : read.reason, recognised: 'rule' in read });
    return { id, name: d.name, weight: num(weight), ...texts, rule };
  };
  const indicators = roots.map((d, i) => build(d, [], String(i + 1)));
  const total = indicators.reduce((a, n) => a.plus(String(n.weight)), new Decimal(0));
  const levels = table.levelHeaders.length > 0 ? table.levelHeaders : ['一级指标', '二级指标', '三级指标'];
  const title = options.title ?? table.title ?? display.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const doc = { title, type: 'evaluation', levels, total: num(total), rounding: { places: 2, at: 'leaf' }, indicators };
  const recognised = imported.filter((l) => l.recognised).length;
  const header = [
    `# 由 jixiao indicators import 从 ${display}${table.sheet ? `「${table.sheet}」` : ''} 导入：名称、权重、目标值、指标解释和评分标准照录；`,
    `# ${imported.length} 个末级指标中 ${recognised} 个的评分标准读成了评分规则，其余为 manual（评分标准作为 guidance，由评价人员评分）。`,
    '# 用前请核对每条规则，并用 jixiao lint 检查。',
  ].join('\n');
  const yaml = `${header}\n${stringify(doc, { lineWidth: 0 })}`;
  // the tree as written must load; lint's findings go with the report
  const checked = scorableTreeOrProblems(doc, display);
  return { yaml, table, leaves: imported, problems: checked };
}

function scorableTreeOrProblems(doc: unknown, file: string): Problem[] {
  try {
    return scorableTree(doc, file).problems;
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
}

