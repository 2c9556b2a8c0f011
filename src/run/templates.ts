// The built-in trees (indicators/ of the package, beside bin/ and dist/): a case or a
// command may name one instead of giving a file.
import { resolve } from 'node:path';

export const TEMPLATE_DIR = resolve(import.meta.dirname, '../../indicators');

export function templatePath(name: string): string {
  return resolve(TEMPLATE_DIR, `${name}.yaml`);
}
