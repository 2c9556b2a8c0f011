// The worker side of run-cases.ts: scores the cases it is sent, one at a time, and sends
// each result back; a case file that cannot be read comes back as its problems.
import { parentPort } from 'node:worker_threads';
import { InputError } from '../problems/problem.js';
import { runCase } from './run-case.js';
import type { CaseJob, CaseReply } from './run-cases.js';

const port = parentPort;
if (!port) throw new Error('case-worker runs as a worker thread');
port.on('message', async (job: CaseJob | 'done') => {
  if (job === 'done') return port.close();
  let reply: CaseReply;
  try {
    reply = { index: job.index, type: 'result', result: await runCase(job.file, job.shown) };
  } catch (e) {
    reply = e instanceof InputError ? { index: job.index, type: 'unreadable', problems: e.problems } : { index: job.index, type: 'crash', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
