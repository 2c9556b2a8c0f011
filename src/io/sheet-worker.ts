// The worker side of sheet-worker-client.ts: read the file's sheets in this
// thread and send them on, a batch of rows at a time while credits last.
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../problems/problem.js';
import { openSheetsHere } from './open-sheets.js';
import { packRows } from './packed-rows.js';
import { CREDITS, type SheetJob, type WorkerMessage } from './sheet-worker-client.js';
import { sniffFile } from './sniff.js';

const port = parentPort;
if (!port) throw new Error('sheet-worker runs as a worker thread');
let credits = CREDITS;
let resume: (() => void) | undefined;
port.on('message', () => {
  credits += 1;
  resume?.();
  resume = undefined;
});
const send = (m: WorkerMessage) => port.postMessage(m, m.type === 'rows' ? [m.batch.layout.buffer as ArrayBuffer] : []);
const job = workerData as SheetJob;

try {
  for await (const sheet of openSheetsHere(job.path, job.display, job.options, await sniffFile(job.path, job.display))) {
    // announced with its first rows: by then its merged ranges are known
    let announced = false;
    const announce = () => {
      if (!announced) send({ type: 'sheet', ...(sheet.sheet ? { sheet: sheet.sheet } : {}), merges: sheet.merges });
      announced = true;
    };
    for await (const batch of sheet.rows) {
      announce();
      while (credits === 0) await new Promise<void>((resolve) => (resume = resolve));
      credits -= 1;
      send({ type: 'rows', batch: packRows(batch) });
    }
    announce();
    send({ type: 'sheet-end' });
  }
  send({ type: 'end' });
} catch (e) {
  send({ type: 'error', message: String(e), ...(e instanceof InputError ? { problems: e.problems } : {}) });
}
port.unref();
