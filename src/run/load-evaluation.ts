// Everything an evaluation folder names, read, validated and measured: the
// config, the tree, the records, the metrics and the evaluator's answers.
import { resolve, relative, join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { loadTree } from '../engine/load-tree.js';
import { lintTree } from '../engine/lint-tree.js';
import type { IndicatorTree } from '../engine/tree.js';
import type { RegistryRecord } from '../checks/check.js';
import { runChecks, type AuditResult } from '../checks/run-checks.js';
import { auditMetrics } from '../metrics/audit-metrics.js';
import { budgetMetrics } from '../metrics/budget-metrics.js';
import { derivedMetrics, mergeMetrics } from '../metrics/merge.js';
import type { Metric } from '../metrics/metric.js';
import { rosterMetrics } from '../metrics/roster-metrics.js';
import { surveyMetrics } from '../metrics/survey-metrics.js';
import { InputError, inputError, problem, type Problem } from '../problems/problem.js';
import { zodProblems } from '../problems/zod-issues.js';
import { BUDGET_KIND, type BudgetRecord } from '../schema/budget.js';
import type { WrittenSections } from '../schema/judgements.js';
import { EVALUATION_LABELS, evaluationSchema, type EvaluationConfig } from '../schema/evaluation.js';
import { judgementsSchema } from '../schema/judgements.js';
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
  /** what people write in the report (judgements file report:) */
  written: WrittenSections;
  judgementsFile?: string;
  /** the roster checks' findings, with the identities they rest on */
  audit: AuditResult;
  /** warnings and notes found while loading (errors stop loading) */
  problems: Problem[];
  /** every file the evaluation read (absolute): outputs must never replace one */
  inputPaths: string[];
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

export async function loadEvaluation(target: string, options: LoadOptions = {}): Promise<LoadedEvaluation> {
  const { dir, file } = await configPath(target);
  // paths in messages and workbooks are relative to the evaluation folder, so that
  // the output does not depend on where the command was run
  const show = (p: string) => relative(dir, p) || p;
  const configMb = limitsWith(options.limits)['config-mb'];
  const raw = await readStructuredFile(file, show(file), configMb);
  const parsed = evaluationSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, { file: show(file) }, 'evaluation-invalid', EVALUATION_LABELS, raw));
  const config = parsed.data;
  const problems: Problem[] = [];
  const inFolder = (p: string, field: string) => resolveInside(dir, p, { file: show(file), field }, Boolean(options.allowOutside));
  const inputPaths = [file];

  const treePath = await inFolder(config.tree, 'tree');
  inputPaths.push(treePath);
  const treeLoaded = loadTree(await readStructuredFile(treePath, show(treePath), configMb), show(treePath));
  // a working paper records the tree it was made for
  const treeHash = createHash('sha256').update(await readFile(treePath)).digest('hex');
  if (!treeLoaded.tree) throw new InputError(treeLoaded.problems);
  const lint = lintTree(treeLoaded.tree, show(treePath));
  if (lint.some((p) => p.severity === 'error')) throw new InputError([...treeLoaded.problems, ...lint]);
  problems.push(...treeLoaded.problems, ...lint);

  const rosters: RosterRecord[] = [];
  const registry: RegistryRecord[] = [];
  let hasRegistry = false;
  const budget: BudgetRecord[] = [];
  const surveys: Metric[] = [];
  const dataErrors: Problem[] = [];
  let answers: Record<string, unknown> = {};
  let given: Parameters<typeof mergeMetrics>[1] = {};
  let judgementsFile: string | undefined;
  let written: WrittenSections = {};

  // Row errors stop scoring (the numbers would be wrong); other data findings,
  // such as a stated total that differs from its rows, are reported with the scores.
  const onProblem = (p: Problem) => (p.code.endsWith('-row-invalid') || p.code === 'header-missing' ? dataErrors : problems).push(p);
  const readOptions = (sheet: string | number | undefined) => ({ aliases: config.header_aliases, ...(options.limits ? { limits: options.limits } : {}), ...(sheet !== undefined ? { sheet } : {}) });

  for (const [i, input] of config.inputs.entries()) {
    const path = await inFolder(input.file, `inputs[${i + 1}].file`);
    inputPaths.push(path);
    const display = show(path);
    switch (input.kind) {
      case 'roster': {
        await readFileRecords(path, display, ROSTER_KIND, readOptions(input.sheet), (value, row, table, extra) => {
          rosters.push({ ...value, file: display, ...(table.sheet ? { sheet: table.sheet } : {}), row, ...(input.year !== undefined ? { year: input.year } : {}), ...(extra ? { extra } : {}) });
        }, onProblem);
        break;
      }
      case 'budget': {
        await readFileRecords(
          path,
          display,
          BUDGET_KIND,
          readOptions(input.sheet),
          (value, row, table) => budget.push({ ...value, file: display, row, ...(table.columns.some((c) => c.unit === '万元') ? { amountUnit: '万元' as const } : {}) }),
          onProblem,
        );
        break;
      }
      case 'survey': {
        const answers: { value: SurveyAnswers; row: number }[] = [];
        await readFileRecords(path, display, surveyKind(input.scoring), readOptions(input.sheet), (value, row) => answers.push({ value, row }), onProblem);
        const metrics = surveyMetrics(display, answers, input.scoring.items.length);
        if (metrics.length === 0) dataErrors.push(problem('error', 'survey-empty', '问卷中没有可计算满意度的答案', { file: display }));
        surveys.push(...metrics);
        break;
      }
      case 'registry': {
        hasRegistry = true;
        await readFileRecords(path, display, REGISTRY_KIND, readOptions(input.sheet), (value, row) => registry.push({ ...value, file: display, row }), onProblem);
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
        const rawJudgements = /\.xlsx$/i.test(path) ? await readWorkingPaper(path, display, treeLoaded.tree, treeHash) : await readStructuredFile(path, display, configMb);
        const j = judgementsSchema.safeParse(rawJudgements);
        if (!j.success) throw new InputError(zodProblems(j.error, { file: display }, 'judgements-invalid', {}, rawJudgements));
        answers = j.data.judgements;
        given = j.data.metrics;
        written = j.data.report;
        break;
      }
    }
  }
  if (dataErrors.length > 0) throw new InputError(dataErrors);

  // wrong stated totals in rosters are audit findings, listed with the other checks
  const rosterFiles = new Set(rosters.map((r) => r.file));
  const isRosterTotal = (p: Problem) => p.code === 'total-mismatch' && rosterFiles.has(p.where.file ?? '');
  const audit = runChecks(rosters, config.settings.audit, config.period, hasRegistry ? registry : undefined, problems.filter(isRosterTotal));
  problems.splice(0, problems.length, ...problems.filter((p) => !isRosterTotal(p)));
  const computed = [...rosterMetrics(rosters, audit.identities.personOf), ...auditMetrics(audit), ...budgetMetrics(budget), ...surveys];
  const computedMap = new Map(computed.map((m) => [m.name, m]));
  const all = [...computed, ...derivedMetrics(computedMap)];
  const merged = mergeMetrics(all, given, judgementsFile ?? '');
  problems.push(...merged.problems);

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
    written,
    ...(judgementsFile ? { judgementsFile } : {}),
    problems,
    inputPaths,
  };
}
