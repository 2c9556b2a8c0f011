// The built-in trees (indicators/ of the package, beside bin/ and dist/): a case or a
// command may name one instead of giving a file; and the bundled examples `jixiao init`
// can copy (fixtures shipped in the package: see package.json files).
import { resolve } from 'node:path';

const PACKAGE_ROOT = resolve(import.meta.dirname, '../..');

export const TEMPLATE_DIR = resolve(PACKAGE_ROOT, 'indicators');

export function templatePath(name: string): string {
  return resolve(TEMPLATE_DIR, `${name}.yaml`);
}

/** Complete evaluation folders, ready to score: name → folder. */
export const EXAMPLES: Readonly<Record<string, string>> = {
  'xiangyuan-example': resolve(PACKAGE_ROOT, 'fixtures/xiangyuan'),
  'self-evaluation-example': resolve(PACKAGE_ROOT, 'fixtures/self-evaluation'),
};
