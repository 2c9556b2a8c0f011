// zod's issues rewritten as "where / what was expected", in Chinese. Never a raw dump.
import type { z } from 'zod';
import { problem, type Problem, type Where } from './problem.js';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '是/否',
  object: '对象（键: 值）',
  array: '列表',
  undefined: '空',
  null: '空',
};

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
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

export function zodProblems(error: z.ZodError, where: Where, code: string, labels: FieldLabels = {}, data?: unknown): Problem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '[');
    const last = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : '';
    const label = labels[last] ? `${labels[last]} ${last}` : field;
    const at: Where = { ...where, field: field || undefined };
    const input = (issue as { input?: unknown }).input;
    if (data !== undefined && issue.path.length > 0 && valueAt(data, issue.path) === undefined && issue.code !== 'unrecognized_keys') {
      return problem('error', code, `缺少${label}`, at);
    }
    switch (issue.code) {
      case 'invalid_type':
        if (input === undefined) return problem('error', code, `缺少${label ? label : '内容'}`, at);
        return problem('error', code, `${label || '内容'}的类型不对`, at, {
          expected: typeName(issue.expected),
          found: describeFound(input),
        });
      case 'invalid_value':
        return problem('error', code, `${label || '取值'}不在允许的取值中`, at, {
          expected: issue.values.map((v) => String(v)).join(' / '),
          found: describeFound(input),
        });
      case 'unrecognized_keys':
        return problem('error', code, `未知字段 ${issue.keys.join('、')}`, at, {
          hint: '检查拼写；允许的字段见 README',
        });
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
      default:
        return problem('error', code, `${label ? `${label}：` : ''}${issue.message}`, at);
    }
  });
}
