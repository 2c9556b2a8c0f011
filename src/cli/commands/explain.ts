// jixiao explain <evaluation> <indicator>: one indicator's trace as a reviewer reads it —
// the rule, the inputs with their sources, the arithmetic, the rounding; for a group, its
// children and their sum.
import { Command } from 'commander';
import { closestNames } from '../../metrics/metric-name.js';
import { describeProvenance, formatMetricValue, type Metric } from '../../metrics/metric.js';
import { scoredNodes, type ScoredNode, type ScoredTree } from '../../engine/score.js';
import { kindOf } from '../../engine/rules/registry.js';
import { pts } from '../../engine/rules/common.js';
import { inputError } from '../../problems/problem.js';
import { envelope } from '../../report/envelope.js';
import { metricJson } from '../../report/json.js';
import { percent } from '../../numbers/decimal.js';
import { scoreEvaluation } from '../../run/score-evaluation.js';
import { addCommonOptions, addLimitOption, commonOptions, limitOptions } from '../conventions.js';
import { printJson, printLines } from '../print.js';

/** The node an argument names: its id, its name, or its path (a > b > c). */
function find(scored: ScoredTree, wanted: string): ScoredNode {
  const all = [...scoredNodes(scored.nodes)];
  const w = wanted.trim();
  const hit = all.find((n) => n.node.id === w) ?? all.find((n) => n.node.name === w) ?? all.find((n) => n.node.path.join(' > ') === w.replace(/\s*>\s*/g, ' > '));
  if (hit) return hit;
  const names = all.flatMap((n) => [n.node.id, n.node.name]);
  throw inputError('indicator-unknown', `指标体系中没有「${wanted}」`, {}, { hint: `给出指标的编号、名称或路径；最接近的：${closestNames(w, names, 5).join('、')}` });
}

function rounding(scored: ScoredTree): string {
  const { places, at } = scored.tree.rounding;
  const where = at === 'part' ? '每个规则部分' : at === 'leaf' ? '每个末级指标' : '小计和合计（末级保持精确值）';
  return `${where}保留 ${places} 位小数，四舍五入`;
}

function metricLines(m: Metric): string[] {
  const lines = [`  ${m.name}（${m.label}）= ${formatMetricValue(m.kind, m.value, m.unit)}，${m.source === 'data' ? '数据计算' : '评价人员给出'}`, `    出处：${describeProvenance(m)}`];
  if (m.derivation) lines.push(`    公式：${m.derivation}`);
  return lines;
}

export function explainLines(scored: ScoredTree, n: ScoredNode): string[] {
  const lines = [`${n.node.path.join(' > ')}（${n.node.id}）`, `权重 ${pts(n.node.weight)} 分，得分 ${pts(n.score)} 分，得分率 ${percent(n.rate)}${n.removed ? `（其中 ${pts(n.removed)} 分不适用，从权重中扣除）` : ''}`];
  if (n.node.target) lines.push(`目标值：${n.node.target.text}${n.actual !== undefined ? `　完成值：${n.actual}` : ''}`);
  if (n.node.criteria) lines.push(`评分标准：${n.node.criteria}`);
  if (n.children) {
    lines.push('下级指标：');
    for (const c of n.children) lines.push(`  ${c.node.name}（${c.node.id}）${pts(c.score)} / ${pts(c.node.weight)} 分`);
    lines.push(`合计 ${n.children.map((c) => pts(c.score)).join(' + ')} = ${pts(n.score)} 分`);
    return lines;
  }
  if (n.node.rule) lines.push(`评分规则：${kindOf(n.node.rule.kind).label}（${n.node.rule.kind}）`);
  if (n.pending) lines.push('待评：尚无评价判断或指标数据，暂计 0 分');
  if (n.reason) lines.push(`评价判断：${n.reason}`);
  if (n.trace) lines.push(`计算：${n.trace}`);
  for (const p of n.parts ?? []) lines.push(`  部分「${p.name}」${pts(p.points)} / ${pts(p.max)} 分：${p.trace}`);
  if ((n.metrics ?? []).length > 0) {
    lines.push('用到的指标数据：');
    for (const m of n.metrics ?? []) lines.push(...metricLines(m));
  }
  lines.push(`取整：${rounding(scored)}${n.exact ? `；取整前 ${n.exact.toString()} 分` : ''}`);
  if (n.node.note) lines.push(`说明：${n.node.note}`);
  return lines;
}

export function explainCommand(setExit: (code: number) => void): Command {
  const cmd = new Command('explain')
    .description('说明一个指标的得分是怎样算出的 / show how one indicator was scored')
    .argument('<evaluation-dir>', '含 evaluation.yaml 的评价目录 (or the evaluation.yaml itself)')
    .argument('<indicator>', '指标的编号、名称或路径（一级 > 二级 > 三级） indicator id, name or path');
  cmd
    .option('--allow-outside', '允许 evaluation.yaml 引用评价目录之外的文件 allow paths outside the evaluation folder')
    .option('--draft', '草稿：缺少评价判断或指标数据的末级指标标为「待评」 explain a draft');
  addLimitOption(addCommonOptions(cmd, { writes: false })).action(async (dir: string, wanted: string, raw: Record<string, unknown>) => {
    const opts = commonOptions(raw);
    const { scored, problems } = await scoreEvaluation(dir, { allowOutside: Boolean(raw.allowOutside), limits: limitOptions(raw), ...(raw.draft ? { draft: true } : {}) });
    const n = find(scored, wanted);
    if (opts.format === 'json') {
      const here = problems.filter((p) => p.where.path?.join(' > ') === n.node.path.join(' > '));
      await printJson(envelope({ command: 'explain', exitCode: 0, problems: here, showPii: false, result: { id: n.node.id, path: n.node.path, lines: explainLines(scored, n), metrics: (n.metrics ?? []).map(metricJson) } }), false);
    } else {
      printLines(explainLines(scored, n), false);
    }
    setExit(0);
  });
  return cmd;
}
