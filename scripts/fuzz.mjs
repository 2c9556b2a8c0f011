// npm run fuzz [-- --seconds N --seed S]: the fuzz harness (test/fuzz) for longer than
// the slice npm test runs: N seconds per target (default 60), from seed S (default the
// current time, printed, so a run can be repeated). Crashes are saved in .fuzz-crashes/.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const seconds = value('seconds', '60');
const seed = value('seed', String(Date.now() % 2 ** 31));
if (!/^\d+$/.test(seconds) || !/^\d+$/.test(seed)) {
  console.error('usage: npm run fuzz -- [--seconds N] [--seed S]');
  process.exit(2);
}
console.log(`fuzz: ${seconds} s per target, seed ${seed}`);
// vitest's bin, resolved from its package.json (its exports do not list the file)
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz', '--reporter=default'], { stdio: 'inherit', env: { ...process.env, FUZZ: '1', FUZZ_SECONDS: seconds, FUZZ_SEED: seed } });
process.exit(r.status ?? 1);
