// The fuzz harness. In `npm test` a short slice with a fixed seed (1 second a
// target) and every regression fixture in fixtures/fuzz/<target>/; `npm run fuzz`
// runs longer (FUZZ_SECONDS per target, FUZZ_SEED) and saves each crash under
// .fuzz-crashes/ — fixed, it moves to fixtures/fuzz/<target>/ and is replayed for good.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/problems/problem.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { TARGETS, type FuzzTarget } from './targets.js';

const LONG = process.env.FUZZ === '1';
const SECONDS = Number(process.env.FUZZ_SECONDS ?? (LONG ? 60 : 1));
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** One input that takes longer than this has hung (the slowest real ones take well under a second). */
const HANG_MS = 10_000;
const work = mkdtempSync(join(tmpdir(), 'jixiao-fuzz-in-'));

/** Undefined when the input was handled (read, or refused with a located message); else what was thrown. */
async function crashOf(target: FuzzTarget, path: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  // a read that never settles (a stream error nobody hears) is a crash too
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms (hang)`)), HANG_MS);
  });
  try {
    await Promise.race([target.run(path), hang]);
    return undefined;
  } catch (e) {
    return e instanceof InputError ? undefined : e;
  } finally {
    clearTimeout(timer);
  }
}

function saveCrash(target: FuzzTarget, path: string): string {
  const bytes = readFileSync(path);
  const dir = join(ROOT, '.fuzz-crashes', target.name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${target.ext}`);
  writeFileSync(file, bytes);
  return file;
}

describe.each(TARGETS)('fuzz $name', (target) => {
  const regressions = join(ROOT, 'fixtures/fuzz', target.name);
  const kept = existsSync(regressions) ? readdirSync(regressions).sort() : [];

  it.each(kept.length > 0 ? kept : ['(none yet)'])('regression %s reads or is refused with a message', async (name) => {
    if (kept.length === 0) return;
    expect(await crashOf(target, join(regressions, name))).toBeUndefined();
  });

  it(`survives ${SECONDS} s of mutated inputs (seed ${SEED})`, async () => {
    let tried = 0;
    const path = join(work, `${target.name}.${target.ext}`);
    await fc.assert(
      fc.asyncProperty(target.arbitrary, async (recipe) => {
        tried += 1;
        await target.make(recipe, path);
        const crash = await crashOf(target, path);
        if (crash !== undefined) {
          const saved = LONG ? ` (saved as ${saveCrash(target, path)})` : '';
          throw new Error(`${target.name} crashed${saved}: ${(crash as Error)?.stack ?? String(crash)}`);
        }
      }),
      { seed: SEED, numRuns: LONG ? 1_000_000 : 2_000, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false, endOnFailure: true },
    );
    if (LONG) process.stderr.write(`fuzz ${target.name}: ${tried} inputs, seed ${SEED}\n`);
    expect(tried).toBeGreaterThan(0);
  }, (SECONDS + 30) * 1000);
});
