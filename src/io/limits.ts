// Every read has a limit, so a hostile or broken file ends in a message instead of
// an endless loop or an exhausted heap. The defaults are far above what a real
// province-wide roster needs; a user with a larger file raises one with
// `--limit name=value` (the message that stops a read names the limit and the option).
import { inputError } from '../problems/problem.js';

export interface InputLimits {
  /** inflated size of one part of an XLSX (a sheet's XML), in MB */
  'xlsx-part-mb': number;
  /** inflated ÷ compressed size of one XLSX part (zip bombs compress 1000:1 and more) */
  'xlsx-ratio': number;
  /** inflated size of the shared-strings table, held in memory, in MB */
  'shared-strings-mb': number;
  /** entries in one XLSX zip */
  'xlsx-entries': number;
  /** merged ranges kept per sheet */
  merges: number;
  /** characters in one CSV record */
  'csv-record-chars': number;
  /** size of a configuration, tree or judgements file, in MB */
  'config-mb': number;
}

export const DEFAULT_LIMITS: Readonly<InputLimits> = {
  'xlsx-part-mb': 4096,
  'xlsx-ratio': 1000,
  'shared-strings-mb': 1024,
  'xlsx-entries': 65_536,
  merges: 20_000,
  'csv-record-chars': 1_000_000,
  'config-mb': 16,
};

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof InputLimits)[];

export function limitsWith(overrides: Partial<InputLimits> = {}): InputLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/** `name=value` pairs from the command line into limits; a wrong one is a usage error. */
export function parseLimitOptions(pairs: readonly string[]): Partial<InputLimits> {
  const out: Partial<InputLimits> = {};
  for (const pair of pairs) {
    const m = /^([a-z0-9-]+)=(\d+(?:\.\d+)?)$/.exec(pair.trim());
    const name = m?.[1] as keyof InputLimits | undefined;
    if (!m || !name || !LIMIT_NAMES.includes(name) || !(Number(m[2]) > 0)) {
      throw inputError('usage', `--limit 的值无法识别：${pair}`, {}, { expected: `名称=正数，名称为 ${LIMIT_NAMES.join('、')}`, hint: '例如 --limit xlsx-part-mb=8192' });
    }
    out[name] = Number(m[2]);
  }
  return out;
}

/** The message when a file goes past a limit: which limit, its value, and how to raise it. */
export function limitHint(name: keyof InputLimits, value: number): string {
  return `若文件确实如此，可用 --limit ${name}=${value * 2} 放宽（当前上限 ${value}）`;
}
