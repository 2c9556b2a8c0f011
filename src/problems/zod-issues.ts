// zod's issues rewritten as "where / what was expected", in Chinese. Never a raw dump.
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { problem, type Problem, type Where } from './problem.js';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '是/否',
  object: '对象（键: 值）',
  record: '对象（键: 值）',
  int: '整数',
  array: '列表',
  undefined: '空',
  null: '空',
};

const HAN = /\p{Script=Han}/u;
/** zod's own default messages, English even when they quote Chinese option values. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;
const ownMessage = (message: string) => HAN.test(message) && !ZOD_DEFAULT.test(message);

function typeName(t: unknown): string {
  return TYPE_NAMES[String(t)] ?? String(t);
}

function describeFound(input: unknown): string {
  if (input === undefined) return '缺失';
  if (input === null) return '空';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'object') return '对象';
  const text = String(input);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export interface FieldLabels {
  [field: string]: string;
}

/**
 * Turn a zod error into problems. `where` is the base location; the issue's
 * path becomes the field ("inputs[2].file"), labelled with `labels` where known.
 */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    // zod reports an issue at a null or a text, never below one: a guard only
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, see above
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

type Issue = z.core.$ZodIssue;

/**
 * A branch of a union "mismatches" when the value is not even of its shape: the wrong
 * type, unknown keys, or a list of allowed values none of which has the value's type.
 */
/** The allowed key a misspelt one most likely meant: within 2 edits, or a third of its length. */
function closestKey(key: string, allowed: readonly string[]): string | undefined {
  const [best] = allowed.map((k) => ({ k, d: distance(key, k) })).sort((a, b) => a.d - b.d);
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.k : undefined;
}

function mismatches(issues: readonly Issue[], value: unknown): boolean {
  return issues.some((i) => {
    if (i.path.length > 0) return false;
    if (i.code === 'invalid_type' || i.code === 'unrecognized_keys') return true;
    if (i.code === 'invalid_value') return value !== undefined && !i.values.some((v) => typeof v === typeof value);
    return i.code === 'invalid_union' && i.errors.every((branch) => mismatches(branch, value));
  });
}

/**
 * A union's failure explained by the branch the author meant (`preset: x` → the preset
 * branch, `[3, 1]` → the range branch), not by "no branch matched": the branches the
 * value has the shape of, then the one that got deepest, then the one with fewest issues.
 */
function explainUnions(issues: readonly Issue[], data: unknown, base: readonly PropertyKey[] = []): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = [...base, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ ...issue, path } as Issue];
    const value = valueAt(data, path);
    const fitting = issue.errors.filter((branch) => !mismatches(branch, value));
    if (fitting.length === 0) return [{ ...issue, path } as Issue];
    const depth = (branch: readonly Issue[]) => Math.max(...branch.map((i) => i.path.length));
    const best = fitting.reduce((a, b) => (depth(b) > depth(a) || (depth(b) === depth(a) && b.length < a.length) ? b : a));
    return explainUnions(best, data, path);
  });
}

/** zod's internal definition of a schema (stable in zod 4: `_zod.def`). */
type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType; left?: z.ZodType; right?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The keys an object schema allows at `path` inside `data`, for "did you mean": wrappers
 * (default, optional, pipe) looked through, a union's branch chosen as the one whose keys
 * the data's object shares most.
 */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  const objects = (s: z.ZodType): Record<string, z.ZodType>[] => {
    const d = defOf(s);
    if (d.type === 'object' && d.shape) return [d.shape];
    if (d.innerType) return objects(d.innerType);
    if (d.type === 'pipe' && d.in) return objects(d.in);
    if (d.type === 'intersection' && d.left && d.right) return [...objects(d.left), ...objects(d.right)];
    if (d.type === 'union' && d.options) return d.options.flatMap(objects);
    return [];
  };
  const best = (s: z.ZodType, value: unknown): Record<string, z.ZodType> | undefined => {
    const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    // a branch whose literal (kind: survey) the data carries is the one meant; else the one sharing most keys
    const fit = (shape: Record<string, z.ZodType>) =>
      Object.keys(obj).filter((k) => k in shape).length + 100 * Object.entries(shape).filter(([k, f]) => defOf(f).type === 'literal' && (defOf(f) as { values?: unknown[] }).values?.includes(obj[k])).length;
    return objects(s).sort((a, b) => fit(b) - fit(a))[0];
  };
  const unwrap = (s: z.ZodType): z.ZodType => {
    const d = defOf(s);
    const inner = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    return inner ? unwrap(inner) : s;
  };
  let current: z.ZodType | undefined = schema;
  let value = data;
  for (const key of path) {
    const d = defOf(unwrap(current));
    current = d.type === 'array' ? d.element : d.type === 'record' ? d.valueType : best(current, value)?.[String(key)];
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (!current) return [];
  }
  return current ? Object.keys(best(current, value) ?? {}) : [];
}

export function zodProblems(error: z.ZodError, where: Where, code: string, labels: FieldLabels = {}, data?: unknown, schema?: z.ZodType): Problem[] {
  return explainUnions(error.issues, data).map((issue) => {
    const field = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '[');
    const last = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : '';
    const label = labels[last] ? `${labels[last]} ${field}` : field;
    const at: Where = { ...where, field: field || undefined };
    // zod 4 leaves `input` out of issues unless asked (reportInput); the value is read
    // from the data instead, so a wrong value is quoted, never reported as missing.
    const input = (issue as { input?: unknown }).input ?? (data === undefined ? undefined : valueAt(data, issue.path));
    if (data !== undefined && issue.path.length > 0 && valueAt(data, issue.path) === undefined && issue.code !== 'unrecognized_keys') {
      // a field without a Chinese name is set apart from the word before it (缺少 inputs[4].scoring)
      return problem('error', code, `缺少${labels[last] ? '' : ' '}${label}`, at);
    }
    // A message our schemas wrote (Chinese) says more than the generic text by code.
    if (ownMessage(issue.message)) return problem('error', code, `${label ? `${label}：` : ''}${issue.message}`, at);
    switch (issue.code) {
      case 'invalid_type':
        if (input === undefined) return problem('error', code, `缺少${label ? `${labels[last] ? '' : ' '}${label}` : '内容'}`, at);
        return problem('error', code, `${label || '内容'}的类型不对`, at, {
          expected: typeName(issue.expected),
          found: describeFound(input),
        });
      case 'invalid_value':
        return problem('error', code, `${label || '取值'}不在允许的取值中`, at, {
          expected: issue.values.map((v) => String(v)).join(' / '),
          found: describeFound(input),
        });
      case 'unrecognized_keys': {
        // inside a section, the key with its place (report.experiance), as the author would search for it
        const here = valueAt(data, issue.path);
        const given = here !== null && typeof here === 'object' ? Object.keys(here) : [];
        // the keys still open here: those the schema allows and the author did not already write
        const allowed = schema ? keysAt(schema, issue.path, data).filter((k) => !given.includes(k)) : [];
        const guesses = issue.keys.map((k) => [k, closestKey(k, allowed)] as const).filter((g): g is readonly [string, string] => g[1] !== undefined);
        const guess = guesses.map(([k, g]) => `${k} 是否应为 ${g}？`).join('');
        return problem('error', code, `未知字段 ${issue.keys.map((k) => (field ? `${field}.${k}` : k)).join('、')}`, at, {
          hint: `${guess}${allowed.length > 0 ? `此处可用的字段：${allowed.join('、')}` : '检查拼写；允许的字段见 README'}`,
        });
      }
      case 'too_small':
        return problem('error', code, `${label || '取值'}过小或过短`, at, {
          expected: `不少于 ${String(issue.minimum)}`,
          found: describeFound(input),
        });
      case 'too_big':
        return problem('error', code, `${label || '取值'}过大或过长`, at, {
          expected: `不超过 ${String(issue.maximum)}`,
          found: describeFound(input),
        });
      case 'invalid_key': {
        // a record's key refused: the key is what was found, the key schema says why
        const why = (issue as { issues?: { message: string }[] }).issues?.find((i) => ownMessage(i.message))?.message;
        return problem('error', code, `${label || '取值'}的键不符合要求${why ? `：${why}` : ''}`, at, { found: last });
      }
      case 'invalid_union': {
        // a discriminated union names its options: inputs[0].kind is one of roster / budget / …
        const options = (issue as { options?: unknown[] }).options;
        if (options) return problem('error', code, `${label || '取值'}不在允许的取值中`, at, { expected: options.map(String).join(' / '), found: describeFound(input) });
        return problem('error', code, `${label || '取值'}不是允许的写法`, at, { found: describeFound(input) });
      }
      default:
        // zod's English defaults ("Invalid input") are never shown to users.
        return problem('error', code, `${label || '取值'}不符合要求`, at, { found: describeFound(input) });
    }
  });
}
