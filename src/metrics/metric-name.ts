// Metric names and their scopes: roster.paid[医疗救助]@2022,
// budget.spent[source=省财政, project=子项目A]@2024, survey.satisfaction[主办方].
// A bare [x] is the aid type (a survey's name for surveys); the other scopes are
// named. Every metric is stored under its canonical name (scopes in a fixed order,
// one spelling), so a reference written in any order or spacing finds it.
import { distance } from 'fastest-levenshtein';

/** the scope keys, in the order the canonical name writes them */
export const SCOPE_KEYS = ['source', 'project', 'type', 'name'] as const;
export type ScopeKey = (typeof SCOPE_KEYS)[number];
export type Scope = Partial<Record<ScopeKey, string>>;

export const SCOPE_LABELS: Record<ScopeKey, string> = { source: '资金来源', project: '项目', type: '帮扶类型', name: '问卷名称' };

export interface MetricRef {
  /** namespace.name, e.g. budget.spent */
  base: string;
  scope: Scope;
  year?: number;
}

/** The scope a bare [x] names: a survey's name, else the aid type. */
function bareKey(base: string): ScopeKey {
  return base.startsWith('survey.') ? 'name' : 'type';
}

const REF = /^([a-z_]+\.[a-z_]+)(?:\[([^\]]*)\])?(?:@(\d{4}))?$/;

export class MetricNameError extends Error {}

/** A written reference to its parts; a malformed one throws MetricNameError with the reason in Chinese. */
export function parseMetricRef(text: string): MetricRef {
  const m = REF.exec(text.trim().replace(/［/g, '[').replace(/］/g, ']'));
  if (!m) throw new MetricNameError(`指标数据名「${text}」应形如 roster.persons、roster.paid[医疗救助]、budget.spent[source=省财政]@2024`);
  const base = m[1] as string;
  const scope: Scope = {};
  if (m[2] !== undefined) {
    for (const part of m[2].split(/[,，]/)) {
      const entry = part.trim();
      if (entry === '') throw new MetricNameError(`指标数据名「${text}」的范围 [...] 中有空项`);
      const eq = entry.search(/[=＝]/);
      const key = (eq < 0 ? bareKey(base) : entry.slice(0, eq).trim()) as ScopeKey;
      const value = (eq < 0 ? entry : entry.slice(eq + 1)).trim();
      if (!SCOPE_KEYS.includes(key)) throw new MetricNameError(`指标数据名「${text}」的范围名 ${key} 未知，可用：${SCOPE_KEYS.join('、')}`);
      if (value === '') throw new MetricNameError(`指标数据名「${text}」的范围 ${key} 没有取值`);
      if (scope[key] !== undefined) throw new MetricNameError(`指标数据名「${text}」的范围 ${key} 写了两次`);
      scope[key] = value;
    }
  }
  return { base, scope, ...(m[3] !== undefined ? { year: Number(m[3]) } : {}) };
}

/** The one spelling a metric is stored under. */
export function metricName(ref: MetricRef): string {
  const entries = SCOPE_KEYS.filter((k) => ref.scope[k] !== undefined).map((k) => [k, ref.scope[k] as string] as const);
  const bare = entries.length === 1 && entries[0]?.[0] === bareKey(ref.base);
  const scope = entries.length === 0 ? '' : bare ? `[${entries[0]?.[1]}]` : `[${entries.map(([k, v]) => `${k}=${v}`).join(', ')}]`;
  return `${ref.base}${scope}${ref.year !== undefined ? `@${ref.year}` : ''}`;
}

/** A written name in its canonical spelling; a malformed one is returned as written (it then matches nothing). */
export function canonicalName(text: string): string {
  try {
    return metricName(parseMetricRef(text));
  } catch (e) {
    if (e instanceof MetricNameError) return text;
    throw e;
  }
}

/** How a scope reads in a label: 2022年 生活救助, 省财政 子项目A. */
export function scopeLabel(scope: Scope, year?: number): string {
  const parts = [year !== undefined ? `${year}年` : '', ...SCOPE_KEYS.map((k) => scope[k] ?? '')].filter(Boolean);
  return parts.join(' ');
}

/**
 * Why a reference finds nothing, for the message: a scope value the data does not have
 * (with the values it has), else the existing names closest to it.
 */
export function whyMissing(text: string, names: Iterable<string>): string {
  let ref: MetricRef;
  try {
    ref = parseMetricRef(text);
  } catch (e) {
    if (e instanceof MetricNameError) return e.message;
    throw e;
  }
  const all = [...names];
  const sameBase = all.map((n) => ({ n, r: safeParse(n) })).filter((x): x is { n: string; r: MetricRef } => x.r?.base === ref.base);
  for (const key of SCOPE_KEYS) {
    const wanted = ref.scope[key];
    if (wanted === undefined) continue;
    const values = [...new Set(sameBase.map((x) => x.r.scope[key]).filter((v): v is string => v !== undefined))].sort();
    if (!values.includes(wanted)) {
      // a bare [省财政] where 省财政 is a source: say which scope holds it
      const elsewhere = SCOPE_KEYS.find((k) => k !== key && sameBase.some((x) => x.r.scope[k] === wanted));
      if (elsewhere) return `「${wanted}」是${SCOPE_LABELS[elsewhere]}，不是${SCOPE_LABELS[key]}：写作 ${ref.base}[${elsewhere}=${wanted}]`;
      return values.length > 0 ? `数据中没有${SCOPE_LABELS[key]}「${wanted}」，现有：${values.join('、')}` : `${ref.base} 没有按${SCOPE_LABELS[key]}分的数据`;
    }
  }
  if (ref.year !== undefined) {
    const years = [...new Set(sameBase.map((x) => x.r.year).filter((y): y is number => y !== undefined))].sort();
    if (!years.includes(ref.year)) return years.length > 0 ? `数据中没有 ${ref.year} 年，现有：${years.join('、')}` : `${ref.base} 没有按年度分的数据`;
  }
  const closest = closestNames(text, all, 5);
  return closest.length > 0 ? `现有的指标数据（最接近的在前）：${closest.join('、')}` : '没有任何指标数据';
}

/** The names nearest to `text` by edit distance, nearest first (ties by name). */
export function closestNames(text: string, names: readonly string[], count: number): string[] {
  return names
    .map((n) => ({ n, d: distance(text, n) }))
    .sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0))
    .slice(0, count)
    .map((x) => x.n);
}

function safeParse(name: string): MetricRef | undefined {
  try {
    return parseMetricRef(name);
  } catch {
    return undefined;
  }
}
