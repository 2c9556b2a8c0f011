// jixiao diff: two versions of a tree (files, or `rev:path` read from git) scored on one
// evaluation's metrics and judgements. Each version is scored as a draft, so that a leaf
// the other version lacks a judgement for shows as 待评 instead of stopping the run; answers
// for leaves a version does not have are left out of its scoring.
import { isAbsolute, relative, resolve } from 'node:path';
import { scorableTree } from '../engine/lint-tree.js';
import { score, type ScoredTree } from '../engine/score.js';
import { diffScoredTrees, type TreeDiff } from '../engine/tree-diff.js';
import { leaves, type IndicatorTree } from '../engine/tree.js';
import { isRevisionSpec, readRevision } from '../io/git-revision.js';
import { parseStructured, readStructuredFile } from '../io/structured-file.js';
import { InputError, type Problem } from '../problems/problem.js';
import { loadEvaluation, type LoadOptions } from './load-evaluation.js';

export interface TreeVersion {
  /** as given: a path, or rev:path */
  spec: string;
  title: string;
  scored: ScoredTree;
}

export interface TreesDiffed {
  a: TreeVersion;
  b: TreeVersion;
  /** the evaluation whose inputs both were scored on, as given */
  inputs: string;
  diff: TreeDiff;
  /** problems of loading the evaluation (warnings, notes) */
  problems: Problem[];
}

async function readTree(spec: string, cwd: string): Promise<IndicatorTree> {
  const shown = isAbsolute(spec) || (await isRevisionSpec(spec)) ? spec : relative(cwd, resolve(cwd, spec)) || spec;
  const raw = (await isRevisionSpec(spec)) ? parseStructured(await readRevision(spec, cwd), shown, /\.json$/i.test(spec)) : await readStructuredFile(resolve(cwd, spec), shown, 5);
  return scorableTree(raw, shown).tree;
}

export async function diffTrees(specA: string, specB: string, inputs: string, options: LoadOptions = {}): Promise<TreesDiffed> {
  const cwd = process.cwd();
  const [treeA, treeB] = [await readTree(specA, cwd), await readTree(specB, cwd)];
  const loaded = await loadEvaluation(inputs, options);
  const scoreWith = (tree: IndicatorTree): ScoredTree => {
    const ids = new Set([...leaves(tree.indicators)].map((l) => l.id));
    const answers = Object.fromEntries(Object.entries(loaded.answers).filter(([id]) => ids.has(id)));
    const result = score({ tree, metrics: loaded.metrics, answers, draft: true, ...(loaded.judgementsFile ? { answersFile: loaded.judgementsFile } : {}) });
    if (!result.scored) throw new InputError(result.problems.filter((p) => p.severity === 'error'));
    return result.scored;
  };
  const a = scoreWith(treeA);
  const b = scoreWith(treeB);
  return {
    a: { spec: specA, title: treeA.title, scored: a },
    b: { spec: specB, title: treeB.title, scored: b },
    inputs,
    diff: diffScoredTrees(a, b),
    problems: loaded.problems,
  };
}
