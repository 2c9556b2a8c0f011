// Reading a large file in a worker thread: the worker reads and parses while
// this thread checks the rows, so the two costs overlap on a two-core machine
// instead of adding up. Batches flow against credits, so memory stays bounded when
// this side is the slower one; the worker's errors arrive as the same InputErrors.
import { Worker } from 'node:worker_threads';
import { InputError, type Problem } from '../problems/problem.js';
import type { CellRange } from './cell-range.js';
import type { OpenOptions } from './open-sheets.js';
import { unpackRows, type PackedRows } from './packed-rows.js';
import type { RawRow } from './raw-table.js';
import type { SheetSource } from './sheet-source.js';

export interface SheetJob {
  path: string;
  display: string;
  options: OpenOptions;
}

export type WorkerMessage =
  | { type: 'sheet'; sheet?: string; merges: CellRange[] }
  | { type: 'rows'; batch: PackedRows }
  | { type: 'sheet-end' }
  | { type: 'end' }
  | { type: 'error'; problems?: Problem[]; message: string };

/** How many batches the worker may send ahead of the ones acknowledged. */
export const CREDITS = 8;

class Inbox {
  private readonly queue: WorkerMessage[] = [];
  private wake: (() => void) | undefined;
  constructor(worker: Worker) {
    const arrive = (m: WorkerMessage) => {
      this.queue.push(m);
      this.wake?.();
      this.wake = undefined;
    };
    worker.on('message', arrive);
    worker.on('error', (e) => arrive({ type: 'error', message: String(e) }));
  }
  async next(): Promise<WorkerMessage> {
    if (this.queue.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.queue.shift() as WorkerMessage;
  }
}

function failure(m: Extract<WorkerMessage, { type: 'error' }>): Error {
  return m.problems ? new InputError(m.problems) : new Error(`reading worker failed: ${m.message}`);
}

export async function* sheetsInWorker(url: URL, job: SheetJob): AsyncGenerator<SheetSource> {
  const worker = new Worker(url, { workerData: job });
  const inbox = new Inbox(worker);
  let sheetDone = true;
  async function* rows(): AsyncGenerator<RawRow[]> {
    for (;;) {
      const m = await inbox.next();
      if (m.type === 'rows') {
        // acknowledge first, so the worker parses the next batch while this one is checked
        worker.postMessage('ack');
        yield unpackRows(m.batch);
      } else if (m.type === 'sheet-end') {
        sheetDone = true;
        return;
      } else if (m.type === 'error') {
        throw failure(m);
      }
    }
  }
  try {
    for (;;) {
      if (!sheetDone) {
        // the consumer left a sheet early: skip the rest of it
        for await (const _batch of rows()) {
          // drained
        }
      }
      const m = await inbox.next();
      if (m.type === 'end') return;
      if (m.type === 'error') throw failure(m);
      if (m.type !== 'sheet') continue;
      sheetDone = false;
      yield { file: job.display, ...(m.sheet ? { sheet: m.sheet } : {}), merges: m.merges, rows: rows() };
    }
  } finally {
    await worker.terminate();
  }
}
