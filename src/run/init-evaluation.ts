// jixiao init: a new evaluation folder from a built-in tree (or a tree file), or a copy
// of a bundled example. From a tree: evaluation.yaml naming one input per kind of data
// the tree's metrics come from, the tree itself, a judgements file with a blank answer for
// every leaf that waits for the evaluator, and the input files as empty templates (CSV
// with BOM and XLSX). Writes only into a new or empty folder (DECISIONS.md).
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { Document, isMap, isPair, isScalar, isSeq, type YAMLMap } from 'yaml';
import { loadTree } from '../engine/load-tree.js';
import { scorableTree } from '../engine/lint-tree.js';
import { needsJudgement } from '../engine/answer-slots.js';
import { ruleMetricNames } from '../engine/used-metrics.js';
import { leaves, type IndicatorTree } from '../engine/tree.js';
import { readStructuredFile } from '../io/structured-file.js';
import { makeFolder } from '../io/output-path.js';
import { writeFileAtomic, writeWorkbook } from '../io/write-xlsx.js';
import { catalogEntry, type InputName } from '../metrics/catalog.js';
import { MetricNameError, parseMetricRef } from '../metrics/metric-name.js';
import { inputError } from '../problems/problem.js';
import { inputTemplateCsv, inputTemplateWorkbook, requiredText } from '../report/input-template.js';
import { judgementsTemplate, type WantedMetric } from '../report/judgements-template.js';
import { BUDGET_FIELDS } from '../schema/budget.js';
import type { FieldSpec } from '../schema/input-kind.js';
import { REGISTRY_FIELDS } from '../schema/registry.js';
import { ROSTER_FIELDS } from '../schema/roster.js';
import { surveyKind } from '../schema/survey.js';
import { Decimal } from '../numbers/decimal.js';
import { EXAMPLES, TEMPLATE_DIR, templatePath } from './templates.js';

export interface InitOptions {
  /** a built-in tree's name, an example's name, or a tree file */
  template: string;
  project?: string;
  period?: readonly number[];
}

export interface CreatedFile {
  /** relative to the new folder */
  path: string;
  /** what it holds, in Chinese */
  purpose: string;
}

export interface InitResult {
  dir: string;
  template: string;
  title: string;
  files: CreatedFile[];
  /** leaves whose judgement is left to fill in */
  judgements: number;
  /** an example copied as it is: ready to score */
  example: boolean;
}

/** The survey a template asks for: five items answered on the usual five levels (DOMAIN.md). */
const SURVEY_TEMPLATE = {
  mode: 'levels' as const,
  items: ['问题1', '问题2', '问题3', '问题4', '问题5'],
  levels: { 非常满意: 1, 满意: 0.75, 一般: 0.5, 不满意: 0.25, 非常不满意: 0 },
};

const INPUT_LABELS: Record<InputName, string> = { roster: '花名册', budget: '预算资金表', survey: '满意度问卷', registry: '建档名单' };

function fieldsOf(kind: InputName): FieldSpec[] {
  switch (kind) {
    case 'roster':
      return ROSTER_FIELDS;
    case 'budget':
      return BUDGET_FIELDS;
    case 'registry':
      return REGISTRY_FIELDS;
    case 'survey':
      return surveyKind({ ...SURVEY_TEMPLATE, levels: Object.fromEntries(Object.entries(SURVEY_TEMPLATE.levels).map(([k, v]) => [k, new Decimal(v)])) }).fields;
  }
}

/** `2024`, `2022-2024` or `2022,2024` as the years it names. */
export function parsePeriod(text: string): number[] {
  const t = text.trim();
  const range = /^(\d{4})\s*[-–~至]\s*(\d{4})$/.exec(t);
  const years = range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i) : t.split(/[,，、\s]+/).map(Number);
  if (years.length === 0 || years.length > 30 || years.some((y) => !Number.isInteger(y) || y < 1990 || y > 2100)) {
    throw inputError('usage', `评价期间「${text}」应为年度，如 2024、2022-2024 或 2022,2023`, {});
  }
  return [...new Set(years)].sort((a, b) => a - b);
}

async function emptyOrMissing(dir: string, shown: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw inputError('init-target-exists', '已有同名的文件', { file: shown }, { hint: '换一个目录名' });
  if ((await readdir(dir)).length > 0) {
    throw inputError('init-target-exists', '目录不是空的：init 只写入新的或空的目录，不覆盖已有的文件', { file: shown }, { hint: '换一个新的目录名，或先清空这个目录' });
  }
}

/** Every file under a folder, relative to it, sorted. */
async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(join(dir, prefix), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

async function copyExample(name: string, from: string, dir: string, shown: string): Promise<InitResult> {
  const files = await filesUnder(from);
  for (const rel of files) {
    const target = join(dir, rel);
    await makeFolder(resolve(target, '..'), shown);
    await writeFileAtomic(target, await readFile(join(from, rel)), join(shown, rel));
  }
  const tree = loadTree(await readStructuredFile(join(from, 'tree.yaml'), 'tree.yaml', 5), 'tree.yaml').tree;
  return { dir: shown, template: name, title: tree?.title ?? name, files: files.map((path) => ({ path, purpose: '示例文件' })), judgements: 0, example: true };
}

/** The name of the composite part whose rule reads the metric: the metric's natural label. */
function partNameFor(params: unknown, metric: string): string | undefined {
  const parts = (params as { parts?: { name: string; rule: { params: unknown } }[] } | undefined)?.parts ?? [];
  return parts.find((p) => ruleMetricNames(p.rule.params).includes(metric))?.name;
}

/** The inputs the tree's metrics come from, and the metrics no input gives (left to the judgements file). */
function neededInputs(tree: IndicatorTree): { kinds: Set<InputName>; surveys: string[]; wanted: WantedMetric[] } {
  const kinds = new Set<InputName>();
  const surveys = new Set<string>();
  const wanted = new Map<string, WantedMetric>();
  for (const leaf of leaves(tree.indicators)) {
    for (const name of ruleMetricNames(leaf.rule?.params)) {
      let base = name;
      let surveyName: string | undefined;
      try {
        const ref = parseMetricRef(name);
        base = ref.base;
        surveyName = ref.scope.name;
      } catch (e) {
        if (!(e instanceof MetricNameError)) throw e;
      }
      const entry = catalogEntry(base);
      if (entry) {
        entry.from.forEach((k) => kinds.add(k));
        if (base.startsWith('survey.')) surveys.add(surveyName ?? '');
        continue;
      }
      const w = wanted.get(name) ?? { name, label: partNameFor(leaf.rule?.params, name) ?? leaf.name, kind: 'ratio' as const, usedBy: [] };
      w.usedBy.push(leaf.name);
      wanted.set(name, w);
    }
  }
  return { kinds, surveys: [...surveys].sort(), wanted: [...wanted.values()] };
}

interface PlannedInput {
  kind: InputName;
  file: string;
  year?: number;
  name?: string;
}

function evaluationYaml(project: string, period: readonly number[], title: string, inputs: readonly PlannedInput[], needsDeadline: boolean): string {
  const entry = (i: PlannedInput) => ({
    kind: i.kind,
    ...(i.year !== undefined ? { year: i.year } : {}),
    file: i.file,
    ...(i.kind === 'survey' ? { ...(i.name ? { name: i.name } : {}), scoring: SURVEY_TEMPLATE } : {}),
  });
  const doc = new Document({
    project,
    evaluator: null,
    report_date: null,
    period: [...period],
    tree: 'tree.yaml',
    output: '评分结果.xlsx',
    inputs: [...inputs.map(entry), { kind: 'judgements', file: 'judgements.yaml' }],
    ...(needsDeadline ? { settings: { audit: { deadline: null } } } : {}),
  });
  doc.commentBefore = ` ${project}：评价的设置（${title}）。路径都相对于本目录。`;
  const root = doc.contents as YAMLMap;
  const notes: Record<string, string> = {
    evaluator: ' 评价机构（工作簿和报告中印出）',
    report_date: ' 报告日期，如 2024年10月（输出中的日期只取这里，不取电脑时钟）',
    inputs: ' 输入文件：花名册每年一份；XLSX 与 CSV 均可（inputs/ 中两种模板都有，用哪种就写哪种的文件名）',
    settings: ' 数据核查的设置。deadline：资金通知规定的发放截止日，每年相同写 "11-30"，按年写 { 2023: 2023-11-30 }；按时发放率按它计算',
  };
  for (const item of root.items) {
    if (isPair(item) && isScalar(item.key) && typeof item.key.value === 'string' && notes[item.key.value]) item.key.commentBefore = notes[item.key.value];
    if (isPair(item) && isScalar(item.key) && item.key.value === 'inputs' && isSeq(item.value)) {
      for (const node of item.value.items) {
        if (!isMap(node)) continue;
        node.flow = true;
        const kind = node.get('kind');
        if (kind === 'survey') {
          node.flow = false;
          const scoring = node.get('scoring');
          if (isMap(scoring)) for (const part of scoring.items) if (isPair(part) && (isSeq(part.value) || isMap(part.value))) part.value.flow = true;
          node.commentBefore = ' 问卷：items 为计入满意度的题目（表头），levels 为各答案的权重；每题打分的问卷写 { mode: scores, items: [...], max: 10 }';
        }
      }
    }
  }
  return doc.toString({ nullStr: '~', lineWidth: 0 });
}

async function fromTree(templateName: string, treePath: string, dir: string, shown: string, options: InitOptions): Promise<InitResult> {
  const treeText = await readFile(treePath);
  const { tree } = scorableTree(await readStructuredFile(treePath, templateName, 5), templateName);
  if (!options.period) throw inputError('usage', '缺少评价期间', {}, { hint: '用 --period 给出评价的年度，如 --period 2024 或 --period 2022-2024' });
  const period = options.period;
  const project = options.project ?? basename(dir);
  const { kinds, surveys, wanted } = neededInputs(tree);
  const usesOnTime = [...leaves(tree.indicators)].some((leaf) => ruleMetricNames(leaf.rule?.params).some((n) => n.startsWith('roster.on_time_rate')));
  const planned: PlannedInput[] = [];
  const yearSuffix = (y: number) => (period.length > 1 ? String(y) : '');
  if (kinds.has('roster')) for (const year of period) planned.push({ kind: 'roster', year, file: `inputs/花名册${yearSuffix(year)}.csv` });
  if (kinds.has('budget')) planned.push({ kind: 'budget', file: 'inputs/预算资金表.csv' });
  if (kinds.has('registry')) planned.push({ kind: 'registry', file: 'inputs/建档名单.csv' });
  if (kinds.has('survey')) for (const name of surveys) planned.push({ kind: 'survey', file: `inputs/满意度问卷${name ? `-${name}` : ''}.csv`, ...(name ? { name } : {}) });

  const files: CreatedFile[] = [];
  const write = async (rel: string, data: Uint8Array | string, purpose: string) => {
    await writeFileAtomic(join(dir, rel), data, join(shown, rel));
    files.push({ path: rel, purpose });
  };
  await makeFolder(dir, shown);
  await write('evaluation.yaml', evaluationYaml(project, period, tree.title, planned, usesOnTime), '评价的设置：项目、年度、输入文件');
  await write('tree.yaml', treeText, `指标体系（${templateName} 的副本，改动只影响本评价）`);
  const waiting = [...leaves(tree.indicators)].filter(needsJudgement).length;
  await write('judgements.yaml', judgementsTemplate(tree, wanted), `评价判断：${waiting} 个末级指标待填写${wanted.length > 0 ? `，${wanted.length} 项指标数据待给出` : ''}`);
  if (planned.length > 0) await makeFolder(join(dir, 'inputs'), join(shown, 'inputs'));
  for (const input of planned) {
    const fields = fieldsOf(input.kind);
    const label = INPUT_LABELS[input.kind];
    await write(input.file, inputTemplateCsv(fields), `${label}模板（必填：${requiredText(fields)}）`);
    const xlsx = input.file.replace(/\.csv$/, '.xlsx');
    await writeWorkbook(inputTemplateWorkbook(label, fields), join(dir, xlsx), join(shown, xlsx));
    files.push({ path: xlsx, purpose: `${label}模板（XLSX，含填写说明）` });
  }
  return { dir: shown, template: templateName, title: tree.title, files, judgements: waiting, example: false };
}

export async function initEvaluation(dirGiven: string, shown: string, options: InitOptions): Promise<InitResult> {
  const dir = resolve(dirGiven);
  await emptyOrMissing(dir, shown);
  const example = EXAMPLES[options.template];
  if (example) {
    await makeFolder(dir, shown);
    return copyExample(options.template, example, dir, shown);
  }
  const builtIn = (await readdir(TEMPLATE_DIR)).some((f) => f === `${options.template}.yaml`);
  if (builtIn) return fromTree(options.template, templatePath(options.template), dir, shown, options);
  const asFile = resolve(options.template);
  if (!(await stat(asFile).catch(() => undefined))?.isFile()) {
    const names = [...(await readdir(TEMPLATE_DIR)).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort(), ...Object.keys(EXAMPLES)];
    throw inputError('template-unknown', `没有名为「${options.template}」的内置指标体系或示例`, {}, { hint: `可用：${names.join('、')}（jixiao indicators list），或给出指标体系文件的路径` });
  }
  return fromTree(relative(process.cwd(), asFile) || asFile, asFile, dir, shown, options);
}
