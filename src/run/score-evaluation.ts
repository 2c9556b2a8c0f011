// Load an evaluation folder and score it: the one place the score command's
// steps are put together.
import { score, type ScoredTree } from '../engine/score.js';
import { InputError, type Problem } from '../problems/problem.js';
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
  if (!result.scored) throw new InputError(problems.filter((p) => p.severity === 'error').concat(problems.filter((p) => p.severity !== 'error')));
  return { loaded, scored: result.scored, problems };
}
