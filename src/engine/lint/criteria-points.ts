// Points written in a criteria text — （1.5分）, 每发现1处扣1分, （25分） on a group — read
// back against the rule and the weight: a printed criterion that contradicts its own
// weight is where real reports go wrong. Warnings, quoting the text.
import type { Decimal } from '../../numbers/decimal.js';
import { exactSum, parseFraction } from '../../numbers/fraction.js';
import { parseNumber, toHalfWidth } from '../../numbers/parse.js';
import { pts } from '../rules/common.js';
import type { IndicatorNode } from '../tree.js';

const NUMBER = String.raw`(\d+(?:\.\d+)?(?:\s*/\s*\d+)?)`;
/** （1.5分）, (1 分), （10/3分）, （5 分，不适用时…） */
const PARENTHESISED = new RegExp(String.raw`[（(]\s*${NUMBER}\s*分[^（()）]*[）)]`, 'g');
/** 知晓度*5, 比例×2: a share times the points it is worth */
const MULTIPLIED = new RegExp(String.raw`[×*]\s*${NUMBER}(?!\s*[%％])`, 'g');
/** *4 (1分): a multiplier and the points beside it that disagree */
const BESIDE = new RegExp(String.raw`[×*]\s*${NUMBER}\s*[（(]\s*${NUMBER}\s*分\s*[）)]`, 'g');
/** 得5分, 得 7.5 分 */
const EARNS = new RegExp(String.raw`得\s*${NUMBER}\s*分`, 'g');
/** 每发现1处扣1分, 每少一人扣1分, 每出现一项扣 0.5 分 */
const PER = new RegExp(String.raw`每(?:发现|出现|少|多|有|缺|超)[^，。；,;]*?扣\s*${NUMBER}\s*分`, 'g');

function value(text: string): Decimal | undefined {
  const t = toHalfWidth(text).replace(/\s/g, '');
  return parseFraction(t) ?? parseNumber(t)?.value;
}

function found(text: string, pattern: RegExp): { value: Decimal; quote: string }[] {
  return [...text.matchAll(pattern)].flatMap((m) => {
    const v = value(m[1] as string);
    return v ? [{ value: v, quote: m[0] }] : [];
  });
}

/** The deduction per finding / unit / step a rule applies, if it has one. */
function perDeduction(node: IndicatorNode): Decimal | undefined {
  const p = node.rule?.params as { per_unit?: Decimal; per_step?: Decimal; per_finding?: { points?: Decimal } } | undefined;
  return p?.per_unit ?? p?.per_step ?? p?.per_finding?.points;
}

export function criteriaPoints(node: IndicatorNode): string[] {
  const messages: string[] = [];
  const criteria = node.criteria ?? '';
  if (node.children) {
    // a group whose name or criteria states its points: （25分）
    for (const t of [node.name, criteria]) {
      for (const f of found(t, PARENTHESISED)) {
        if (!f.value.equals(node.weight)) messages.push(`「${f.quote}」与权重 ${pts(node.weight)} 分不符`);
      }
    }
    return messages;
  }
  // the points of the criterion's parts, as written in brackets, else as multipliers (知晓度*5)
  const bracketed = found(criteria, PARENTHESISED);
  const parts = bracketed.length >= 2 ? bracketed : found(criteria, MULTIPLIED).length >= 2 ? found(criteria, MULTIPLIED) : bracketed;
  for (const m of criteria.matchAll(BESIDE)) {
    const [times, points] = [value(m[1] as string), value(m[2] as string)];
    if (times && points && !times.equals(points)) messages.push(`评分标准「${m[0]}」自相矛盾：乘以 ${pts(times)}，却写 ${pts(points)} 分`);
  }
  if (parts.length >= 2) {
    const total = exactSum(parts.map((p) => p.value));
    if (!total.equals(node.weight)) messages.push(`评分标准中各项分值 ${parts.map((p) => p.quote).join('')} 合计 ${pts(total)} 分，与权重 ${pts(node.weight)} 分不符`);
  } else if (parts.length === 1 && (parts[0] as { value: Decimal }).value.greaterThan(node.weight)) {
    messages.push(`评分标准中的「${parts[0]?.quote}」超过权重 ${pts(node.weight)} 分`);
  }
  const most = found(criteria, EARNS).filter((f) => f.value.greaterThan(node.weight));
  if (most.length > 0) messages.push(`评分标准写「${most.map((f) => f.quote).join('」「')}」，超过权重 ${pts(node.weight)} 分`);
  const per = perDeduction(node);
  for (const f of found(criteria, PER)) {
    if (per && !f.value.equals(per)) messages.push(`评分标准写「${f.quote}」，评分规则却是每处扣 ${pts(per)} 分`);
    if (f.value.greaterThan(node.weight)) messages.push(`评分标准写「${f.quote}」，超过权重 ${pts(node.weight)} 分`);
  }
  return messages;
}
