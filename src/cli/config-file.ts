// A settings file named with --config (YAML or JSON): read, checked with its zod schema,
// and its problems located in the file; absent, the schema's defaults.
import { resolve } from 'node:path';
import type { z } from 'zod';
import { readStructuredFile } from '../io/structured-file.js';
import { InputError } from '../problems/problem.js';
import { zodProblems } from '../problems/zod-issues.js';
import { shownPath } from './conventions.js';

export async function loadConfigFile<S extends z.ZodType>(file: string | undefined, schema: S, code: string, maxMb: number): Promise<z.output<S>> {
  if (!file) return schema.parse({});
  const display = shownPath(file);
  const raw = await readStructuredFile(resolve(file), display, maxMb);
  // an empty file is no settings, not an error
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw new InputError(zodProblems(parsed.error, { file: display }, code, {}, raw, schema));
  return parsed.data;
}
