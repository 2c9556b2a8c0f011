// The scores a report printed beside the ones scored: reproducing a firm's report (or a
// unit's self-evaluation, whose printed scores are its 自评得分) shows at once where the
// report itself is wrong. Each indicator's printed score is set on its scored node, and
// every difference is a finding with both numbers.
import { Decimal, roundTo } from '../numbers/decimal.js';
import { problem, type Problem } from '../problems/problem.js';
import { scoredNodes, type ScoredNode, type ScoredTree } from './score.js';

export interface PrintedScores {
  /** by indicator id, any level */
  scores: ReadonlyMap<string, Decimal>;
  total?: Decimal;
  /** the judgements file they came from */
  file?: string;
}

/** What the printed scores are called: a self-evaluation's are the unit's own. */
export function printedLabel(scored: ScoredTree): '报告得分' | '自评得分' {
  return scored.tree.type === 'self-evaluation' ? '自评得分' : '报告得分';
}

export function hasPrinted(p: PrintedScores): boolean {
  return p.scores.size > 0 || p.total !== undefined;
}

function withPrinted(nodes: readonly ScoredNode[], scores: ReadonlyMap<string, Decimal>): ScoredNode[] {
  return nodes.map((n) => {
    const printed = scores.get(n.node.id);
    const children = n.children ? withPrinted(n.children, scores) : undefined;
    return { ...n, ...(printed !== undefined ? { printed } : {}), ...(children ? { children } : {}) };
  });
}

/** The scored tree with each printed score beside its own, and a finding for every difference (and every id the tree does not have). */
export function comparePrinted(scored: ScoredTree, printed: PrintedScores): { scored: ScoredTree; problems: Problem[] } {
  if (!hasPrinted(printed)) return { scored, problems: [] };
  const places = scored.tree.rounding.places;
  const label = printedLabel(scored);
  const file = printed.file ? { file: printed.file } : {};
  const problems: Problem[] = [];
  const nodes = withPrinted(scored.nodes, printed.scores);
  const known = new Set([...scoredNodes(nodes)].map((n) => n.node.id));
  for (const id of printed.scores.keys()) {
    if (!known.has(id)) problems.push(problem('error', 'judgement-unknown-id', `${label}所写的指标编号 ${id} 不在指标体系中`, { ...file, field: `judgements.${id}.printed` }, { hint: '核对编号拼写' }));
  }
  const shown = (d: Decimal) => roundTo(d, places).toFixed(places);
  const differs = (p: Decimal, s: Decimal) => !roundTo(p, places).equals(roundTo(s, places));
  for (const n of scoredNodes(nodes)) {
    if (n.printed === undefined || n.pending || !differs(n.printed, n.score)) continue;
    const diff = roundTo(n.printed, places).minus(roundTo(n.score, places));
    problems.push(
      problem('warning', 'printed-score-differs', `${label} ${shown(n.printed)}，按指标体系和评价判断计算为 ${shown(n.score)}（相差 ${diff.isPositive() ? '+' : ''}${shown(diff)}）`, { path: n.node.path, ...file }, {
        expected: shown(n.score),
        found: shown(n.printed),
        hint: n.children ? '核对这一组下各项的得分之和' : '核对这一项的数据和评价判断；两者都对时，是报告印错了',
      }),
    );
  }
  const result: ScoredTree = { ...scored, nodes, ...(printed.total !== undefined ? { printedTotal: printed.total } : {}) };
  if (printed.total !== undefined && scored.pending === 0 && differs(printed.total, scored.total)) {
    const diff = roundTo(printed.total, places).minus(roundTo(scored.total, places));
    problems.push(problem('warning', 'printed-total-differs', `${label}合计 ${shown(printed.total)}，计算为 ${shown(scored.total)}（相差 ${diff.isPositive() ? '+' : ''}${shown(diff)}）`, { ...file, field: 'printed_total' }, { expected: shown(scored.total), found: shown(printed.total) }));
  }
  return { scored: result, problems };
}
