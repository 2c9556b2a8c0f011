// Parsing a large CSV in a worker thread: the worker reads and parses while this
// thread validates, so the two costs overlap on a two-core machine instead of
// adding up. Batches flow with credits, so memory stays bounded when this side
// is the slower one; the worker's errors arrive as the same InputErrors.
import { Worker } from 'node:worker_threads';
import { InputError, type Problem } from '../problems/problem.js';
import type { CsvJob } from './csv-rows.js';
import type { RawRow } from './raw-table.js';

export type WorkerMessage = { type: 'rows'; batch: RawRow[] } | { type: 'end' } | { type: 'error'; problems?: Problem[]; message: string };

/** How many batches the worker may send ahead of the ones acknowledged. */
export const CREDITS = 8;

export async function* parseInWorker(url: URL, job: CsvJob): AsyncGenerator<RawRow[]> {
  const worker = new Worker(url, { workerData: job });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  const arrive = (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
    wake = undefined;
  };
  worker.on('message', arrive);
  worker.on('error', (e) => arrive({ type: 'error', message: String(e) }));
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const m = queue.shift() as WorkerMessage;
      if (m.type === 'end') return;
      if (m.type === 'error') throw m.problems ? new InputError(m.problems) : new Error(`CSV worker failed: ${m.message}`);
      // acknowledge first, so the worker parses the next batch while this one is checked
      worker.postMessage('ack');
      yield m.batch;
    }
  } finally {
    await worker.terminate();
  }
}
