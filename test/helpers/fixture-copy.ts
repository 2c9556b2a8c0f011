// A scratch copy of a fixture folder, so that tests can change inputs without touching fixtures/.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export function copyFixture(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'jixiao-')), name);
  cpSync(join(ROOT, 'fixtures', name), dir, { recursive: true });
  return dir;
}

export function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(path, after);
}
