// Load an evaluation folder and score it: the one place the score command's
// steps are put together.
import { comparePrinted } from '../engine/printed-scores.js';
import { score, type ScoredTree } from '../engine/score.js';
import { usedMetricNames } from '../engine/used-metrics.js';
import { InputError, problem, type Problem } from '../problems/problem.js';
import { loadEvaluation, type LoadedEvaluation, type LoadOptions } from './load-evaluation.js';

export interface EvaluationResult {
  loaded: LoadedEvaluation;
  scored: ScoredTree;
  /** warnings and notes from loading and scoring */
  problems: Problem[];
}

export interface ScoreOptions extends LoadOptions {
  /** leaves without judgements are 待评 instead of stopping the run (score --draft) */
  draft?: boolean;
}

/** Metrics the evaluator gave that no rule (and no derived metric a rule uses) reads: a note, the figure may be misnamed. */
function unusedGiven(loaded: LoadedEvaluation, scored: ScoredTree): Problem[] {
  const used = usedMetricNames(scored.nodes, loaded.metrics);
  return [...loaded.metrics.values()]
    .filter((m) => m.source === 'judgement' && !m.derivation && !used.has(m.name))
    .map((m) =>
      problem('info', 'metric-given-unused', `评价判断给出的指标数据 ${m.name}（${m.label}）没有被任何评分规则使用`, { file: loaded.judgementsFile, field: `metrics.${m.name}` }, { hint: '核对名称是否与指标体系中规则的 metric 一致，或删去' }),
    );
}

export async function scoreEvaluation(target: string, options: ScoreOptions = {}): Promise<EvaluationResult> {
  const { draft, ...loadOptions } = options;
  const loaded = await loadEvaluation(target, loadOptions);
  const result = score({
    tree: loaded.tree,
    ...(draft ? { draft } : {}),
    metrics: loaded.metrics,
    answers: loaded.answers,
    ...(loaded.judgementsFile ? { answersFile: loaded.judgementsFile } : {}),
  });
  const problems = [...loaded.problems, ...result.problems];
  if (result.scored) problems.push(...unusedGiven(loaded, result.scored));
  if (!result.scored) throw new InputError(problems.filter((p) => p.severity === 'error').concat(problems.filter((p) => p.severity !== 'error')));
  // the report's own printed scores beside ours, each difference a finding
  const compared = comparePrinted(result.scored, loaded.printed);
  problems.push(...compared.problems);
  return { loaded, scored: compared.scored, problems };
}
