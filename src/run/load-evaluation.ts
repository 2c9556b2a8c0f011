// Everything an evaluation folder names, read, validated and measured: the
// config, the tree, the records, the metrics and the evaluator's answers.
import { resolve, relative, join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { loadTree } from '../engine/load-tree.js';
import { lintFindings, type Acknowledged } from '../engine/lint-tree.js';
import type { IndicatorTree } from '../engine/tree.js';
import type { RegistryRecord } from '../checks/check.js';
import { runChecks, type AuditResult } from '../checks/run-checks.js';
import { auditMetrics } from '../metrics/audit-metrics.js';
import { budgetMetrics } from '../metrics/budget-metrics.js';
import { crossSourceMetrics, mergeMetrics } from '../metrics/merge.js';
import type { Metric } from '../metrics/metric.js';
import { derivedMetrics, type DerivedSpec } from '../metrics/derived-metrics.js';
import { FormulaError, parseFormula } from '../metrics/formula.js';
import { metricName, MetricNameError, parseMetricRef } from '../metrics/metric-name.js';
import { rosterMetrics } from '../metrics/roster-metrics.js';
import { surveyMetrics } from '../metrics/survey-metrics.js';
import { InputError, inputError, problem, type Problem } from '../problems/problem.js';
import { zodProblems } from '../problems/zod-issues.js';
import { BUDGET_KIND, type BudgetRecord } from '../schema/budget.js';
import type { WrittenSections } from '../schema/judgements.js';
import { EVALUATION_LABELS, evaluationSchema, type EvaluationConfig } from '../schema/evaluation.js';
import { withoutBlanks } from '../schema/blanks.js';
import { judgementsSchema, judgementsWithoutBlanks, splitPrinted } from '../schema/judgements.js';
import type { PrintedScores } from '../engine/printed-scores.js';
import { REGISTRY_KIND } from '../schema/registry.js';
import { ROSTER_KIND, type RosterRecord } from '../schema/roster.js';
import { surveyKind, type SurveyAnswers } from '../schema/survey.js';
import { readStructuredFile } from '../io/structured-file.js';
import { resolveInside } from '../io/contained-path.js';
import { limitsWith, type InputLimits } from '../io/limits.js';
import { readFileRecords } from './read-table.js';
import { readWorkingPaper } from './read-working-paper.js';

export interface LoadedEvaluation {
  dir: string;
  config: EvaluationConfig;
  tree: IndicatorTree;
  treeFile: string;
  /** sha256 of the tree file's bytes (a working paper is made for one version) */
  treeHash: string;
  rosters: RosterRecord[];
  budget: BudgetRecord[];
  metrics: Map<string, Metric>;
  answers: Record<string, unknown>;
  /** the scores a report printed (judgements printed: / printed_total), to compare */
  printed: PrintedScores;
  /** what people write in the report (judgements file report:) */
  written: WrittenSections;
  judgementsFile?: string;
  /** the roster checks' findings, with the identities they rest on */
  audit: AuditResult;
  /** warnings and notes found while loading (errors stop loading) */
  problems: Problem[];
  /** every file the evaluation read (absolute): outputs must never replace one */
  inputPaths: string[];
  /** tree checks the tree's author accepted (lint.ignore) */
  acknowledged: Acknowledged[];
}

export interface LoadOptions {
  /** paths in evaluation.yaml may lead outside the evaluation folder (--allow-outside) */
  allowOutside?: boolean;
  /** reading limits raised by the user (--limit) */
  limits?: Partial<InputLimits>;
  /** a judgements file not written yet is skipped (jixiao worksheet makes the paper that will be it) */
  judgementsOptional?: boolean;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Where the evaluation's config lives: a folder with evaluation.yaml, or the file itself. */
async function configPath(target: string): Promise<{ dir: string; file: string }> {
  const abs = resolve(target);
  let isDir = false;
  try {
    isDir = (await stat(abs)).isDirectory();
  } catch {
    throw inputError('evaluation-missing', `找不到评价目录或文件 ${target}`, {}, { hint: '给出含 evaluation.yaml 的目录，例如 fixtures/xiangyuan' });
  }
  if (isDir) return { dir: abs, file: join(abs, 'evaluation.yaml') };
  return { dir: resolve(abs, '..'), file: abs };
}

/** evaluation.yaml's derived metrics with their formulas parsed: a name or formula that cannot be read stops loading. */
function parseDerived(config: EvaluationConfig, configFile: string): Map<string, DerivedSpec> {
  const specs = new Map<string, DerivedSpec>();
  const errors: Problem[] = [];
  for (const [written, d] of Object.entries(config.derived)) {
    try {
      const name = metricName(parseMetricRef(written));
      const formula = parseFormula(d.formula);
      specs.set(name, { label: d.label, formula, kind: d.kind, ...(d.unit ? { unit: d.unit } : {}) });
    } catch (e) {
      if (!(e instanceof FormulaError || e instanceof MetricNameError)) throw e;
      errors.push(problem('error', 'evaluation-invalid', `派生指标 ${written}：${e.message}`, { file: configFile, field: `derived.${written}` }));
    }
  }
  if (errors.length > 0) throw new InputError(errors);
  return specs;
}

/** Surveys never add up: several need names, and two of one name would overwrite each other's metrics. */
function surveyClashes(surveys: readonly { file: string; name?: string }[], configFile: string): Problem[] {
  if (surveys.length < 2) return [];
  const unnamed = surveys.filter((s) => !s.name);
  if (unnamed.length > 0) {
    return [
      problem('error', 'survey-name-missing', `有 ${surveys.length} 份问卷（${surveys.map((s) => s.file).join('、')}），其中 ${unnamed.map((s) => s.file).join('、')} 没有名称 name，各问卷的满意度会互相覆盖`, { file: configFile }, {
        hint: '在 evaluation.yaml 中给每个 kind: survey 写 name（如 主办方、参与职工），规则中用 survey.satisfaction[主办方]',
      }),
    ];
  }
  const byName = new Map<string, string[]>();
  for (const s of surveys) byName.set(s.name as string, [...(byName.get(s.name as string) ?? []), s.file]);
  return [...byName.entries()]
    .filter(([, files]) => files.length > 1)
    .map(([name, files]) => problem('error', 'metric-duplicate', `问卷 ${files.join('、')} 同名「${name}」，会给出同一组指标数据 survey.satisfaction[${name}]`, { file: configFile }, { hint: '给每份问卷不同的 name' }));
}

export async function loadEvaluation(target: string, options: LoadOptions = {}): Promise<LoadedEvaluation> {
  const { dir, file } = await configPath(target);
  // paths in messages and workbooks are relative to the evaluation folder, so that
  // the output does not depend on where the command was run
  const show = (p: string) => relative(dir, p) || p;
  const configMb = limitsWith(options.limits)['config-mb'];
  const raw = withoutBlanks(await readStructuredFile(file, show(file), configMb));
  const parsed = evaluationSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, { file: show(file) }, 'evaluation-invalid', EVALUATION_LABELS, raw, evaluationSchema));
  const config = parsed.data;
  const derivedSpecs = parseDerived(config, show(file));
  const problems: Problem[] = [];
  const inFolder = (p: string, field: string) => resolveInside(dir, p, { file: show(file), field }, Boolean(options.allowOutside));
  const inputPaths = [file];

  const treePath = await inFolder(config.tree, 'tree');
  inputPaths.push(treePath);
  const treeLoaded = loadTree(await readStructuredFile(treePath, show(treePath), configMb), show(treePath));
  // a working paper records the tree it was made for
  const treeHash = createHash('sha256').update(await readFile(treePath)).digest('hex');
  if (!treeLoaded.tree) throw new InputError(treeLoaded.problems);
  // score runs lint's score-level checks only; what the tree acknowledges is listed, not counted
  const lint = lintFindings(treeLoaded.tree, show(treePath)).findings;
  const { acknowledged } = lintFindings(treeLoaded.tree, show(treePath), { all: true });
  if (lint.some((p) => p.severity === 'error')) throw new InputError([...treeLoaded.problems, ...lint]);
  problems.push(...treeLoaded.problems, ...lint);

  const rosters: RosterRecord[] = [];
  const registry: RegistryRecord[] = [];
  let hasRegistry = false;
  const budget: BudgetRecord[] = [];
  const surveys: { file: string; name?: string; metrics: Metric[] }[] = [];
  const dataErrors: Problem[] = [];
  let answers: Record<string, unknown> = {};
  let printed: PrintedScores = { scores: new Map() };
  let given: Parameters<typeof mergeMetrics>[1] = {};
  let judgementsFile: string | undefined;
  let written: WrittenSections = {};

  // Row errors stop scoring (the numbers would be wrong); other data findings,
  // such as a stated total that differs from its rows, are reported with the scores.
  const onProblem = (p: Problem) => (p.code.endsWith('-row-invalid') || p.code === 'header-missing' ? dataErrors : problems).push(p);
  const readOptions = (sheet: string | number | undefined) => ({ aliases: config.header_aliases, ...(options.limits ? { limits: options.limits } : {}), ...(sheet !== undefined ? { sheet } : {}) });

  // a data file with its header only (as jixiao init writes it) is reported and left out, so
  // that scoring goes on to say which metrics and judgements are still missing
  const noteEmpty = (rows: number, display: string, i: number): boolean => {
    if (rows > 0) return false;
    problems.push(problem('error', 'input-empty', '只有表头，还没有数据行', { file: display }, { hint: `填入数据；本评价不用这份数据时，从 evaluation.yaml 的 inputs 中删去第 ${i + 1} 项` }));
    return true;
  };
  for (const [i, input] of config.inputs.entries()) {
    const path = await inFolder(input.file, `inputs[${i + 1}].file`);
    inputPaths.push(path);
    const display = show(path);
    switch (input.kind) {
      case 'roster': {
        const read = await readFileRecords(path, display, ROSTER_KIND, readOptions(input.sheet), (value, row, table, extra) => {
          rosters.push({ ...value, file: display, ...(table.sheet ? { sheet: table.sheet } : {}), row, ...(input.year !== undefined ? { year: input.year } : {}), ...(extra ? { extra } : {}) });
        }, onProblem);
        noteEmpty(read.rows, display, i);
        break;
      }
      case 'budget': {
        const read = await readFileRecords(
          path,
          display,
          BUDGET_KIND,
          readOptions(input.sheet),
          (value, row, table) => budget.push({ ...value, file: display, row, ...(table.columns.some((c) => c.unit === '万元') ? { amountUnit: '万元' as const } : {}) }),
          onProblem,
        );
        noteEmpty(read.rows, display, i);
        break;
      }
      case 'survey': {
        const answers: { value: SurveyAnswers; row: number }[] = [];
        const scoring = input.scoring;
        // a counts table's rows are items; when the evaluation lists items, only those count
        const wanted = scoring.mode === 'counts' && scoring.items ? new Set(scoring.items) : undefined;
        const read = await readFileRecords(path, display, surveyKind(scoring), readOptions(input.sheet), (value, row) => {
          if (!wanted || wanted.has(value.item ?? '')) answers.push({ value, row });
        }, onProblem);
        if (noteEmpty(read.rows, display, i)) break;
        const tally = { file: display, answers, rows: scoring.mode === 'counts' ? ('items' as const) : ('respondents' as const), items: scoring.mode === 'counts' ? answers.length : scoring.items.length, ...(input.name ? { name: input.name } : {}) };
        const metrics = surveyMetrics(tally);
        if (metrics.length === 0) dataErrors.push(problem('error', 'survey-empty', '问卷中没有可计算满意度的答案', { file: display }));
        surveys.push({ file: display, ...(input.name ? { name: input.name } : {}), metrics });
        break;
      }
      case 'registry': {
        hasRegistry = true;
        const read = await readFileRecords(path, display, REGISTRY_KIND, readOptions(input.sheet), (value, row) => registry.push({ ...value, file: display, row }), onProblem);
        noteEmpty(read.rows, display, i);
        break;
      }
      case 'judgements': {
        if (judgementsFile) throw inputError('evaluation-invalid', '只能有一个评价判断文件（kind: judgements）', { file: show(file) });
        if (options.judgementsOptional && !(await exists(path))) {
          // not written yet: no input to protect, and the paper about to be written may take its place
          inputPaths.splice(inputPaths.indexOf(path), 1);
          break;
        }
        judgementsFile = display;
        // a filled working paper (评分底稿.xlsx) or the YAML/JSON file
        const rawJudgements = /\.xlsx$/i.test(path) ? await readWorkingPaper(path, display, treeLoaded.tree, treeHash) : judgementsWithoutBlanks(await readStructuredFile(path, display, configMb));
        const j = judgementsSchema.safeParse(rawJudgements);
        if (!j.success) throw new InputError(zodProblems(j.error, { file: display }, 'judgements-invalid', {}, rawJudgements, judgementsSchema));
        const split = splitPrinted(j.data.judgements, display);
        if (split.problems.length > 0) throw new InputError(split.problems);
        answers = split.answers;
        printed = { scores: split.printed, ...(j.data.printed_total !== undefined ? { total: j.data.printed_total } : {}), file: display };
        given = j.data.metrics;
        written = j.data.report;
        break;
      }
    }
  }
  dataErrors.push(...surveyClashes(surveys, show(file)));
  if (dataErrors.length > 0) throw new InputError(dataErrors);

  // wrong stated totals in rosters are audit findings, listed with the other checks
  const rosterFiles = new Set(rosters.map((r) => r.file));
  const isRosterTotal = (p: Problem) => p.code === 'total-mismatch' && rosterFiles.has(p.where.file ?? '');
  const audit = runChecks(rosters, config.settings.audit, config.period, hasRegistry ? registry : undefined, problems.filter(isRosterTotal));
  problems.splice(0, problems.length, ...problems.filter((p) => !isRosterTotal(p)));
  const computed = [...rosterMetrics(rosters, audit.identities.personOf), ...auditMetrics(audit), ...budgetMetrics(budget), ...surveys.flatMap((s) => s.metrics)];
  const computedMap = new Map(computed.map((m) => [m.name, m]));
  const all = [...computed, ...crossSourceMetrics(computedMap)];
  const merged = mergeMetrics(all, given, judgementsFile ?? '');
  problems.push(...merged.problems);
  const clashes = [...derivedSpecs.keys()].filter((name) => merged.metrics.has(name));
  if (clashes.length > 0) {
    throw new InputError(clashes.map((name) => problem('error', 'metric-duplicate', `派生指标 ${name} 与${merged.metrics.get(name)?.source === 'data' ? '数据算出' : '评价判断给出'}的指标数据同名`, { file: show(file), field: `derived.${name}` }, { hint: '派生指标换一个名称，如 derived.…' })));
  }
  const derived = derivedMetrics(derivedSpecs, merged.metrics, show(file));
  if (derived.problems.some((p) => p.severity === 'error')) throw new InputError(derived.problems);
  problems.push(...derived.problems);
  for (const m of derived.metrics) merged.metrics.set(m.name, m);

  return {
    dir,
    config,
    tree: treeLoaded.tree,
    treeFile: show(treePath),
    treeHash,
    rosters,
    budget,
    metrics: merged.metrics,
    audit,
    answers,
    printed,
    written,
    ...(judgementsFile ? { judgementsFile } : {}),
    problems,
    inputPaths,
    acknowledged,
  };
}
