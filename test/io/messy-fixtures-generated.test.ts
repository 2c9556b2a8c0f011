// fixtures/messy is exactly what scripts/make-messy-fixtures.mjs writes, byte for byte.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';

it('regenerating the messy fixtures gives the committed bytes', () => {
  const out = mkdtempSync(join(tmpdir(), 'jixiao-messy-'));
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/make-messy-fixtures.mjs'), out], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const committed = readdirSync(join(ROOT, 'fixtures/messy')).sort();
  expect(readdirSync(out).sort()).toEqual(committed);
  const differing = committed.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(ROOT, 'fixtures/messy', f))));
  expect(differing).toEqual([]);
});
