// The judgements file `jixiao init` writes: an entry for every leaf that waits for the
// evaluator, each answer left blank (~) under a comment with the leaf's criteria and what
// the answer may be; given metrics the inputs cannot supply, blank too. Blank answers are
// read as not answered yet (schema/judgements.ts withoutBlanks), so `score` lists them.
import { Document, isMap, isPair, isScalar, type Pair, type YAMLMap } from 'yaml';
import { needsJudgement, ruleSlotsOf } from '../engine/answer-slots.js';
import type { PaperSlot } from '../engine/rule-kind.js';
import { kindOf } from '../engine/rules/registry.js';
import { pts } from '../engine/rules/common.js';
import { leaves, type IndicatorNode, type IndicatorTree } from '../engine/tree.js';

export interface WantedMetric {
  name: string;
  label: string;
  kind: 'ratio' | 'amount' | 'count';
  /** the leaves that use it */
  usedBy: string[];
}

/** What an answer of this kind may be, in the words the judgements file accepts. */
function howToAnswer(slot: PaperSlot): string {
  switch (slot.input) {
    case 'choice':
      return (slot.choices ?? []).join(' / ');
    case 'points':
      return `0 到 ${slot.max ? pts(slot.max) : '该项分值'} 分`;
    case 'count':
      return '0 或正整数';
    case 'share':
      return '符合 / 不符合 / 不适用';
    case 'text':
      return '文字';
  }
}

/** The blank answer of a leaf: its slots' keys nested (items.policy → items: { policy: ~ }), then reason. */
function blankAnswer(leaf: IndicatorNode): { answer: Record<string, unknown>; notes: Map<string, string> } {
  const answer: Record<string, unknown> = {};
  const notes = new Map<string, string>();
  const slots = [...ruleSlotsOf(leaf).filter((s) => s.input !== 'text' || s.key.endsWith('explanation')), { key: 'reason', label: '理由（未得满分必填）', input: 'text' as const }];
  for (const slot of slots) {
    const parts = slot.key.split('.');
    let at = answer;
    for (const k of parts.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]!] = null;
    // a label that already states the range (评定的得分（0 到 19 分）) needs no more
    notes.set(slot.key, slot.input === 'text' || slot.label.includes(' 到 ') ? slot.label : `${slot.label}：${howToAnswer(slot)}`);
  }
  return { answer, notes };
}

/** Puts each note on the key it belongs to, walking the map as the dotted key says. */
function annotate(map: YAMLMap, notes: ReadonlyMap<string, string>, prefix = ''): void {
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const key = `${prefix}${String(item.key.value)}`;
    const note = notes.get(key);
    if (note) (item.key as { commentBefore?: string }).commentBefore = ` ${note}`;
    if (isMap(item.value)) annotate(item.value, notes, `${key}.`);
  }
}

const commentLines = (lines: readonly string[]) => lines.map((l) => ` ${l}`).join('\n');

export function judgementsTemplate(tree: IndicatorTree, wanted: readonly WantedMetric[]): string {
  const waiting = [...leaves(tree.indicators)].filter(needsJudgement);
  const blanks = waiting.map((leaf) => ({ leaf, ...blankAnswer(leaf) }));
  const metrics = Object.fromEntries(wanted.map((m) => [m.name, { value: null, label: m.label, kind: m.kind, source: null }]));
  const doc = new Document({
    evaluator: null,
    judgements: Object.fromEntries(blanks.map((b) => [b.leaf.id, b.answer])),
    ...(wanted.length > 0 ? { metrics } : {}),
  });
  doc.commentBefore = commentLines([
    `${tree.title}：评价判断`,
    `每个 ~ 处填写回答；没有填写的，jixiao score 会逐项列出。共 ${waiting.length} 个末级指标需要评价人员判断，`,
    '由数据算出的指标不在这里（需要说明时可加 reason）。也可以用 jixiao worksheet 生成评分底稿在 Excel 中填写。',
    '逐项计分的检查项除 符合 / 不符合 / 不适用 外，也可填完成比例（0 到 1）或 { have: 现有数, need: 应有数 }。',
  ]);
  const root = doc.contents as YAMLMap;
  const section = (name: string) => root.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === name);
  const evaluator = section('evaluator');
  if (evaluator && isScalar(evaluator.key)) evaluator.key.commentBefore = ' 评价人员或评价机构';
  const judgements = section('judgements')?.value;
  if (isMap(judgements)) {
    for (const [i, item] of judgements.items.entries()) {
      const b = blanks[i]!;
      const kind = b.leaf.rule ? kindOf(b.leaf.rule.kind).label : '';
      const head = [`${b.leaf.path.join(' > ')}（${pts(b.leaf.weight)} 分，${kind}）`];
      if (b.leaf.criteria) head.push(`评分标准：${b.leaf.criteria}`);
      if (isPair(item) && isScalar(item.key)) item.key.commentBefore = `\n${commentLines(head)}`;
      if (isPair(item) && isMap(item.value)) annotate(item.value, b.notes);
    }
  }
  const given = section('metrics');
  if (given && isScalar(given.key)) {
    given.key.commentBefore = `\n${commentLines([
      '指标体系用到、但输入文件算不出的指标数据：填写 value（比例写 0.95 或 95%）和 source（出处：文件、访谈、现场核查）',
      ...wanted.map((m) => `${m.name}：${m.usedBy.join('、')}`),
    ])}`;
  }
  return doc.toString({ nullStr: '~', lineWidth: 0 });
}
