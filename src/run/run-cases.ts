// Many regression cases, in worker threads when asked (--jobs): results come back in the
// order of the files, so the output is the same whatever the number of workers. A worker
// loads the whole program first (~0.7 s of CPU today, see issue 16), so on this 2-core
// machine two workers only break even at ~60 county-sized cases: one thread is the default.
import { Worker } from 'node:worker_threads';
import { InputError, type Problem } from '../problems/problem.js';
import { runCase, type CaseResult } from './run-case.js';

export interface CaseJob {
  index: number;
  file: string;
  shown: string;
}

export type CaseReply = { index: number } & ({ type: 'result'; result: CaseResult } | { type: 'unreadable'; problems: Problem[] } | { type: 'crash'; message: string });

/** A case's outcome: its result, or the problems of a case file that could not be read. */
export type CaseOutcome = { result: CaseResult } | { unreadable: Problem[] };

// workers run the compiled module; under the test runner (TypeScript sources) cases run here
const WORKER_URL = import.meta.url.endsWith('.js') ? new URL('./case-worker.js', import.meta.url) : undefined;

async function here(jobs: readonly CaseJob[]): Promise<CaseOutcome[]> {
  const out: CaseOutcome[] = [];
  for (const job of jobs) {
    try {
      out.push({ result: await runCase(job.file, job.shown) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out.push({ unreadable: e.problems });
    }
  }
  return out;
}

export async function runCases(jobs: readonly CaseJob[], workers: number): Promise<CaseOutcome[]> {
  const n = Math.min(workers, jobs.length);
  if (!WORKER_URL || n <= 1) return here(jobs);
  const out: CaseOutcome[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, () => {
      const worker = new Worker(WORKER_URL);
      return new Promise<void>((resolve, reject) => {
        const feed = () => {
          if (next < jobs.length) worker.postMessage(jobs[next++]);
          else worker.postMessage('done');
        };
        worker.on('message', (reply: CaseReply) => {
          if (reply.type === 'crash') {
            void worker.terminate();
            return reject(new Error(`case worker failed on ${jobs[reply.index]?.shown}: ${reply.message}`));
          }
          out[reply.index] = reply.type === 'result' ? { result: reply.result } : { unreadable: reply.problems };
          feed();
        });
        worker.on('error', reject);
        worker.on('exit', () => resolve());
        feed();
      });
    }),
  );
  return out;
}
