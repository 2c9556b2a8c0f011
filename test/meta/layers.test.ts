// The layers of DESIGN.md: cli → run → report → engine → metrics → checks → schema → io →
// numbers, problems. A module imports only from its own folder or a folder below; nothing
// runs back up (schema knows no file, the engine no workbook).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';

const RANK: Record<string, number> = { cli: 8, run: 7, report: 6, engine: 5, metrics: 4, checks: 3, schema: 2, io: 1, numbers: 0, problems: 0 };
/** DESIGN.md's "knows nothing of": below in the order, yet out of reach (the engine is pure; schema knows no file) */
const NEVER: Record<string, string[]> = { engine: ['io'], metrics: ['io'], checks: ['io'], schema: ['io'] };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const layerOf = (file: string) => relative(join(ROOT, 'src'), file).split(/[\\/]/)[0] as string;

describe('layers', () => {
  it('every import in src/ goes to the same folder or one below it, never to files from the pure layers', () => {
    const wrong: string[] = [];
    for (const file of sources(join(ROOT, 'src'))) {
      const from = layerOf(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)) {
        const to = layerOf(resolve(dirname(file), m[1] as string));
        const below = (RANK[to] ?? 99) < (RANK[from] ?? -1) || (RANK[to] === 0 && RANK[from] === 0);
        if (to !== from && (!below || NEVER[from]?.includes(to))) wrong.push(`${relative(ROOT, file)} → ${m[1]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('knows every folder of src/', () => {
    expect(readdirSync(join(ROOT, 'src')).filter((f) => !f.includes('.')).sort()).toEqual(Object.keys(RANK).sort());
  });
});
