// What `npm pack` ships: after `npm i -g`, init must find its templates and examples, and
// the quick start (`jixiao init demo --template xiangyuan-example`) must work without a clone.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, TEMPLATE_DIR } from '../../src/run/templates.js';
import { ROOT } from '../helpers/fixture-copy.js';

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

describe('the package', () => {
  it('ships every built-in tree and every file of the bundled examples', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
    const files = new Set(packed[0]!.files.map((f) => f.path));
    const needed = [TEMPLATE_DIR, ...Object.values(EXAMPLES)].flatMap(walk).map((f) => relative(ROOT, f));
    expect(needed.length).toBeGreaterThan(15);
    expect(needed.filter((f) => !files.has(f))).toEqual([]);
    expect(files.has('bin/jixiao.js')).toBe(true);
  });
});
