// The generated fixtures are exactly what their scripts write, byte for byte.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';

it.each([
  ['scripts/make-messy-fixtures.mjs', 'fixtures/messy'],
  ['scripts/make-audit-fixtures.mjs', 'fixtures/audit'],
])('%s gives the committed %s', (script, folder) => {
  const out = mkdtempSync(join(tmpdir(), 'jixiao-fixtures-'));
  const run = spawnSync(process.execPath, [join(ROOT, script), out], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const committed = readdirSync(join(ROOT, folder)).sort();
  expect(readdirSync(out).sort()).toEqual(committed);
  const differing = committed.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(ROOT, folder, f))));
  expect(differing).toEqual([]);
});
