// The worker side of csv-worker-client.ts: parse the file, send batches of rows
// while credits last.
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../problems/problem.js';
import { CREDITS, type WorkerMessage } from './csv-worker-client.js';
import { parseCsvRows, type CsvJob } from './csv-rows.js';

const port = parentPort;
if (!port) throw new Error('csv-worker runs as a worker thread');
let credits = CREDITS;
let resume: (() => void) | undefined;
port.on('message', () => {
  credits += 1;
  resume?.();
  resume = undefined;
});
const send = (m: WorkerMessage) => port.postMessage(m);

try {
  for await (const batch of parseCsvRows(workerData as CsvJob)) {
    while (credits === 0) await new Promise<void>((resolve) => (resume = resolve));
    credits -= 1;
    send({ type: 'rows', batch });
  }
  send({ type: 'end' });
} catch (e) {
  send({ type: 'error', message: String(e), ...(e instanceof InputError ? { problems: e.problems } : {}) });
}
port.unref();
