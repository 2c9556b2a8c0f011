// A rule read from an indicator's printed 评分标准, where the text is one of the standard
// forms the seeds use; anything else stays with the evaluator (manual, the text as guidance).
//   checklist   项目符合申报条件（1分），申报、批复程序符合相关管理办法（1分）
//               … 每发现一处不完整扣1分 (per_finding); 如存在则本项整体不得分 (veto)
//   linear      资金到位率大于或等于100%的，得2分；…小于或等于70%的，得0分；…之间计算确定
//   bands       帮扶开展率=100%得5分，90%-100%得3分，70%-90%得1分，低于70%不得分
//               (two such sentences: a composite of two parts)
//   deduct_per_unit  帮扶人数≥10人得满分，每少一人扣1分
//   step_deduction   满意度≥90%得满分，低于90%时每少10%减1分
//   grade       显著的5分；较好的4分；一般1-3分；未发挥…不得分
//   ratio       完成值÷指标值×分值 (2020), (完成率−60%)÷40% (2021)
// A rule is kept only when its kind's own schema accepts it; rules reading data need the
// metric, which the caller resolves from the figure's name (资金到位率 → budget.arrival_rate).
import { toHalfWidth } from '../numbers/parse.js';
import { Decimal } from '../numbers/decimal.js';
import { ruleStated } from './national-expectation.js';
import { kindOf, parseRuleSpec } from './rules/registry.js';

export type WrittenRule = { kind: string } & Record<string, unknown>;

export interface Recognised {
  rule: WrittenRule;
  /** what was read, in the report's words */
  note: string;
}

export interface Unrecognised {
  /** why no rule was read */
  reason: string;
}

export interface CriteriaContext {
  /** the leaf's name and weight */
  name: string;
  weight: Decimal;
  /** the sheet's 指标类型 (定量 / 定性): the national rule for its kind where the criteria say nothing standard */
  type?: string;
  /** a metric name for a figure the criteria name (资金到位率), or undefined when none is known */
  metricFor: (label: string, index: number) => string | undefined;
}

const NUM = '(\\d+(?:\\.\\d+)?)';
const dec = (s: string) => new Decimal(s);
const PCT = '(\\d+(?:\\.\\d+)?%)';
/** Printed figures as the tree file writes them: 1.5 as a number, 70% and texts as they are. */
function asWritten(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return /^\d+(\.\d+)?$/.test(value) && !['text', 'name', 'guidance', 'id'].includes(key) ? Number(value) : value;
  if (Array.isArray(value)) return value.map((v) => asWritten(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asWritten(v, k)]));
  return value;
}

const valid = (rule: WrittenRule): boolean => parseRuleSpec(rule).ok;

/** Clauses of a criteria text: split at ；; 。 and at a comma after a printed point value（1分）. */
function clauses(text: string): string[] {
  return text
    .split(/[；;。]|(?<=分\s*[)）])\s*[，,]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** Texts for the tree file in the report's own punctuation (matching ran on half-width text). */
const chinese = (s: string) => s.replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：').replace(/\(/g, '（').replace(/\)/g, '）').trim();

const stripNumbering = (s: string) => s.replace(/^(\d+[.、．]|[①②③④⑤⑥⑦⑧⑨⑩]|[（(]\d+[)）])\s*/, '').trim();

function checklist(text: string, ctx: CriteriaContext): Recognised | Unrecognised | undefined {
  const items: { id: string; text: string; points: string }[] = [];
  const vetoes: { id: string; text: string }[] = [];
  let perFinding: { points: string; text: string } | undefined;
  const left: string[] = [];
  for (const raw of clauses(text)) {
    // 「两部分合计得分」 only says the items add up
    const c = stripNumbering(raw).replace(/[，,]\s*(两部分|各项|以上各项)?合计得分$/, '');
    const pointed = new RegExp(`^(.*?)\\s*[（(]\\s*${NUM}\\s*分\\s*[)）]\\s*(.*)$`).exec(c);
    const times = new RegExp(`^(.*?)\\s*[×x*]\\s*${NUM}\\s*(?:分)?$`).exec(c);
    const orNothing = new RegExp(`^(.*?)得\\s*${NUM}\\s*分\\s*[，,]\\s*否则\\s*(?:得)?\\s*0\\s*分$`).exec(c);
    const finding = new RegExp(`每发现\\s*(?:一|1)\\s*[处项个]([^，,扣]*?)[，,]?\\s*扣\\s*${NUM}\\s*分`).exec(c);
    const veto = /(不存在|如存在|存在)(.*?)(?:[，,]\s*)?(?:如存在)?(?:则)?本项(?:整体)?不得分|一票否决/.exec(c);
    if (pointed && pointed[1]) {
      items.push({ id: `item${items.length + 1}`, text: chinese(pointed[1]), points: pointed[2] ?? '0' });
      // a clause may go on after its points (…（1分），每发现一处不完整扣1分)
      const rest = pointed[3]?.replace(/^[，,]\s*/, '') ?? '';
      const more = new RegExp(`每发现\\s*(?:一|1)\\s*[处项个]([^，,扣]*?)[，,]?\\s*扣\\s*${NUM}\\s*分`).exec(rest);
      if (more) perFinding = { points: more[2] ?? '0', text: chinese(more[1] ?? '') || '发现的问题' };
      else if (rest) left.push(rest);
    } else if (orNothing && orNothing[1]) items.push({ id: `item${items.length + 1}`, text: chinese(orNothing[1]), points: orNothing[2] ?? '0' });
    else if (times && times[1] && !/[%％]/.test(c)) items.push({ id: `item${items.length + 1}`, text: chinese(times[1]), points: times[2] ?? '0' });
    else if (finding) {
      // what is counted: 「每发现一处不完整」, or the words before it (能够量化而不量化的，每发现1处…)
      const before = c.slice(0, finding.index).replace(/[的，,]+$/, '');
      perFinding = { points: finding[2] ?? '0', text: chinese(finding[1] ?? '') || chinese(before) || '发现的问题' };
    }
    else if (veto) vetoes.push({ id: `veto${vetoes.length + 1}`, text: chinese(`存在${(veto[2] ?? '').replace(/^[等的]/, '').replace(/[，,]\s*$/, '')}`) });
    else if (!/^否则(不得分|得0分)$/.test(c) && !/^两部分合计得分$/.test(c)) left.push(c);
  }
  if (items.length === 0) return undefined;
  const sum = items.reduce((a, i) => a.plus(i.points), new Decimal(0));
  const rule: WrittenRule = { kind: 'checklist', items, ...(vetoes.length > 0 ? { vetoes } : {}), ...(perFinding ? { per_finding: perFinding } : {}) };
  if (!valid(rule)) return { reason: '检查项的写法无法读成评分规则' };
  const parts = [`${items.length} 个检查项（${items.map((i) => i.points).join(' + ')} 分）`, ...(perFinding ? [`每发现一处扣 ${perFinding.points} 分`] : []), ...(vetoes.length > 0 ? [`否决项 ${vetoes.length} 个`] : [])];
  const notes = [...(sum.equals(ctx.weight) ? [] : [`各项分值之和 ${sum.toString()} ≠ 权重 ${ctx.weight.toString()}`]), ...(left.length > 0 ? [`未转写的条款：${left.join('；')}`] : [])];
  return { rule, note: `检查清单：${parts.join('，')}${notes.length > 0 ? `（${notes.join('；')}）` : ''}` };
}

function metricOr(ctx: CriteriaContext, label: string, index: number): string | Unrecognised {
  const m = ctx.metricFor(label.trim(), index);
  return m ?? { reason: `「${label.trim()}」不是已知的指标数据，请在规则中写 metric` };
}

function linear(text: string, ctx: CriteriaContext): Recognised | Unrecognised | undefined {
  const m = new RegExp(`^(.*?)(?:大于或等于|大于等于|≥|>=|不低于)\\s*${PCT}的?[，,]?\\s*得\\s*${NUM}\\s*分.*?(?:小于或等于|小于等于|≤|<=|低于)\\s*${PCT}的?[，,]?\\s*得\\s*0\\s*分.*之间`).exec(text);
  if (!m) return undefined;
  // 「大于或等于100%的，得1分」 in a 2-point indicator: the text contradicts the weight
  if (!dec(m[3] ?? '0').equals(ctx.weight)) return { reason: `评分标准写达到 ${m[2]} 得 ${m[3]} 分，与权重 ${ctx.weight.toString()} 分不符` };
  const metric = metricOr(ctx, m[1] ?? '', 0);
  if (typeof metric !== 'string') return metric;
  const rule: WrittenRule = { kind: 'linear', metric, zero_at: m[4] ?? '', full_at: m[2] ?? '' };
  return valid(rule) ? { rule, note: `线性：${m[4]} 得 0 分，${m[2]} 得满分，之间按比例（${metric}）` } : { reason: '线性计分的写法无法读成评分规则' };
}

/** One sentence of bands: 帮扶开展率=100%得5分，90%-100%得3分，70%-90%得1分，低于70%不得分. */
function bandsOf(sentence: string): { label: string; top: string; bands: { when: string; points: string }[] } | undefined {
  const head = new RegExp(`^(.*?)\\s*(?:=|＝|≥|>=|达到)\\s*${PCT}\\s*(?:的)?\\s*得\\s*${NUM}\\s*分`).exec(sentence);
  if (!head || !head[1]) return undefined;
  const bands = [{ when: `≥${head[2]}`, points: head[3] ?? '0' }];
  for (const r of sentence.slice(head[0].length).matchAll(new RegExp(`${PCT}\\s*[-—~～至]\\s*${PCT}\\s*(?:的)?\\s*得\\s*${NUM}\\s*分`, 'g'))) bands.push({ when: `[${r[1]},${r[2]})`, points: r[3] ?? '0' });
  const bottom = new RegExp(`(?:低于|小于|<)\\s*${PCT}\\s*(?:的)?\\s*(?:不得分|得\\s*0\\s*分)`).exec(sentence);
  if (bands.length < 2 || !bottom) return undefined;
  bands.push({ when: `<${bottom[1]}`, points: '0' });
  return { label: head[1], top: head[3] ?? '0', bands };
}

function bands(text: string, ctx: CriteriaContext): Recognised | Unrecognised | undefined {
  const sentences = text.split(/[；;。]/).map((s) => s.trim()).filter((s) => s !== '');
  const read = sentences.map(bandsOf);
  if (read.length === 0 || read.some((r) => r === undefined)) return undefined;
  const parts = read as NonNullable<ReturnType<typeof bandsOf>>[];
  const metrics = parts.map((p, i) => metricOr(ctx, p.label, i));
  const missing = metrics.find((m): m is Unrecognised => typeof m !== 'string');
  if (missing) return missing;
  const bandRule = (p: (typeof parts)[number], metric: string): WrittenRule => ({ kind: 'bands', metric, bands: p.bands });
  const describe = (p: (typeof parts)[number]) => `${p.label} ${p.bands.map((b) => `${b.when} ${b.points} 分`).join('、')}`;
  if (parts.length === 1) {
    const rule = bandRule(parts[0]!, metrics[0] as string);
    return valid(rule) ? { rule, note: `分档：${describe(parts[0]!)}` } : { reason: '分档的写法无法读成评分规则' };
  }
  const rule: WrittenRule = {
    kind: 'composite',
    parts: parts.map((p, i) => ({ id: `part${i + 1}`, name: chinese(p.label), points: p.top, rule: bandRule(p, metrics[i] as string) })),
  };
  return valid(rule) ? { rule, note: `两部分之和：${parts.map(describe).join('；')}` } : { reason: '分档的写法无法读成评分规则' };
}

function deductPerUnit(text: string, ctx: CriteriaContext): Recognised | Unrecognised | undefined {
  const m = new RegExp(`^(.*?)\\s*(?:≥|>=|不少于|达到)\\s*${NUM}\\s*([人户个次]|人次)?\\s*(?:的)?\\s*得满分[，,]\\s*每少\\s*(?:一|1)\\s*(?:[人户个次]|人次)?\\s*扣\\s*${NUM}\\s*分`).exec(text);
  if (!m) return undefined;
  const metric = metricOr(ctx, m[1] ?? '', 0);
  if (typeof metric !== 'string') return metric;
  const rule: WrittenRule = { kind: 'deduct_per_unit', metric, target: Number(m[2]), per_unit: Number(m[4]), unit: m[3] ?? '' };
  return valid(rule) ? { rule, note: `每少一${m[3] ?? ''}扣 ${m[4]} 分：${m[1]} ≥ ${m[2]}${m[3] ?? ''}（${metric}）` } : { reason: '扣分的写法无法读成评分规则' };
}

function stepDeduction(text: string, ctx: CriteriaContext): Recognised | Unrecognised | undefined {
  const m = new RegExp(`^(.*?)\\s*(?:≥|>=|大于或等于|不低于)\\s*${PCT}\\s*(?:的)?\\s*得满分[，,]\\s*低于\\s*(?:${PCT})?\\s*时?\\s*每(?:少|低|下降)\\s*${PCT}\\s*[减扣]\\s*${NUM}\\s*分`).exec(text);
  if (!m) return undefined;
  const metric = metricOr(ctx, m[1] ?? '', 0);
  if (typeof metric !== 'string') return metric;
  // only whole steps count: 「每少10%减1分」 takes 1 point for 10 points below, none for 5
  const rule: WrittenRule = { kind: 'step_deduction', metric, threshold: m[2] ?? '', step: m[4] ?? '', per_step: Number(m[5]), partial_step: 'ignore' };
  return valid(rule) ? { rule, note: `阶梯扣分：${m[2]} 以上满分，每低 ${m[4]} 扣 ${m[5]} 分（只计整档；${metric}）` } : { reason: '阶梯扣分的写法无法读成评分规则' };
}

function grade(text: string, ctx: CriteriaContext): Recognised | Unrecognised | undefined {
  if (/%/.test(text)) return undefined;
  const parts = text.split(/[；;。]/).map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length < 3) return undefined;
  const levels: { name: string; points: string | [string, string] }[] = [];
  for (const p of parts) {
    const range = new RegExp(`^(.*?)的?\\s*${NUM}\\s*[-—~～至]\\s*${NUM}\\s*分$`).exec(p);
    const fixed = new RegExp(`^(.*?)的?\\s*(?:得)?\\s*${NUM}\\s*分$`).exec(p);
    const none = /^(.*?)的?\s*不得分$/.exec(p);
    let name: string;
    if (range) {
      name = range[1] ?? '';
      levels.push({ name, points: [range[2] ?? '0', range[3] ?? '0'] });
    } else if (fixed) {
      name = fixed[1] ?? '';
      levels.push({ name, points: fixed[2] ?? '0' });
    } else if (none) {
      name = none[1] ?? '';
      levels.push({ name, points: '0' });
    } else return undefined;
  }
  // 发挥可持续影响显著的5分: the level is what follows the indicator's name
  for (const l of levels) {
    const at = l.name.indexOf(ctx.name);
    if (at >= 0 && at + ctx.name.length < l.name.length) l.name = l.name.slice(at + ctx.name.length);
    l.name = chinese(l.name);
  }
  const rule: WrittenRule = { kind: 'grade', levels: levels.map((l) => ({ name: l.name, points: Array.isArray(l.points) ? l.points.map(Number) : Number(l.points) })) };
  return levels.every((l) => l.name !== '') && valid(rule) ? { rule, note: `等级：${levels.map((l) => `${l.name} ${Array.isArray(l.points) ? l.points.join('-') : l.points} 分`).join('、')}` } : undefined;
}

function national(text: string, ctx: CriteriaContext): Recognised | Unrecognised | undefined {
  const rule = ruleStated(text, undefined);
  if (!rule) return undefined;
  const metric = metricOr(ctx, ctx.name, 0);
  if (typeof metric !== 'string') return metric;
  const spec: WrittenRule = { kind: 'ratio', metric, ...(rule === '2021' ? { pass_mark: '60%' } : {}) };
  return valid(spec) ? { rule: spec, note: `目标完成比例（${rule} 年规则${rule === '2021' ? '，60% 及格线' : ''}；${metric}）` } : { reason: '目标完成比例的写法无法读成评分规则' };
}

const READERS = [linear, bands, deductPerUnit, stepDeduction, national, grade, checklist];

/** The rule a criteria text states, or why none could be read (the caller then writes a manual rule with the text as guidance). */
export function recogniseCriteria(criteria: string | undefined, ctx: CriteriaContext): Recognised | Unrecognised {
  const text = toHalfWidth(criteria ?? '').replace(/\s+/g, '').trim();
  if (text === '') return fromType(ctx) ?? { reason: '没有评分标准' };
  let firstReason: Unrecognised | undefined;
  for (const read of READERS) {
    const r = read(text, ctx);
    if (r && 'rule' in r) {
      // a rule giving more or less than the weight reads the text, but the text contradicts the
      // weight: the evaluator decides (manual), as lint would refuse the rule
      const parsed = parseRuleSpec(r.rule);
      const most = parsed.ok ? kindOf(parsed.spec.kind).maxPoints(parsed.spec.params as never, ctx.weight) : undefined;
      if (most && !most.equals(ctx.weight)) return { reason: `评分标准读出的规则最多给 ${most.toString()} 分，与权重 ${ctx.weight.toString()} 分不符` };
      return { ...r, rule: asWritten(r.rule) as WrittenRule };
    }
    if (r && !firstReason) firstReason = r;
  }
  const byType = fromType(ctx);
  if (byType) return byType;
  return firstReason ?? { reason: text === '' ? '没有评分标准' : '评分标准不是常见的写法' };
}

/** 定量: met → full, missed → 完成值 ÷ 目标值 × 分值 (2020); 定性: 达成 / 部分达成 / 未达成 (2020). */
function fromType(ctx: CriteriaContext): Recognised | Unrecognised | undefined {
  const type = toHalfWidth(ctx.type ?? '').replace(/\s+/g, '');
  if (/^定性/.test(type)) return { rule: { kind: 'grade', preset: 'qualitative-2020' }, note: '定性指标：达成 80%-100%、部分达成 60%-80%、未达成 0-60% 的分值（2020 年规则）' };
  if (!/^定量/.test(type)) return undefined;
  const metric = ctx.metricFor(ctx.name, 0);
  if (!metric) return { reason: `定量指标「${ctx.name}」不是已知的指标数据，请在规则中写 metric` };
  return { rule: { kind: 'ratio', metric }, note: `定量指标：目标完成比例（2020 年规则；${metric}）` };
}
