// One measured pass in its own process (so peak RSS is its own):
//   node bench/pass.mjs bare-csv|bare-xlsx|bare-csv-folder|validate|batch <file or folder> [encoding]
// Prints one line "BENCH {json}" on stderr.
// Each mode loads only what it runs: a bare pass does not load jixiao's CLI.
import { createReadStream } from 'node:fs';

const [mode, file, encoding = 'utf-8'] = process.argv.slice(2);
const started = process.hrtime.bigint();
let rows = 0;

if (mode === 'bare-csv') {
  const { parse } = await import('csv-parse');
  // csv-parse alone: UTF-8 bytes straight in, other encodings decoded first (it cannot)
  const parser = parse({ relax_column_count: true });
  const feed = (async () => {
    const decoder = new TextDecoder(encoding);
    for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
      const input = encoding === 'utf-8' ? chunk : decoder.decode(chunk, { stream: true });
      if (!parser.write(input)) await new Promise((r) => parser.once('drain', r));
    }
    parser.end();
  })();
  for await (const _record of parser) rows += 1;
  await feed;
} else if (mode === 'bare-csv-folder') {
  // csv-parse alone over every file of a folder, one after another (the batch case)
  const { parse } = await import('csv-parse');
  const { readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  for (const name of readdirSync(file).sort()) {
    const parser = createReadStream(join(file, name)).pipe(parse({ relax_column_count: true }));
    for await (const _record of parser) rows += 1;
  }
} else if (mode === 'batch') {
  process.stdout.write = () => true;
  const { main } = await import('../dist/cli/main.js');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const code = await main(['node', 'jixiao', 'batch', file, '-o', mkdtempSync(join(tmpdir(), 'jixiao-bench-out-')), '--format', 'json', '--no-progress']);
  if (code === 2) throw new Error('batch could not read the tables');
  rows = -1;
} else if (mode === 'bare-xlsx') {
  // exceljs's streaming reader alone (it can mangle Chinese text, which is why jixiao reads XLSX itself; its speed is the reference)
  const { default: ExcelJS } = await import('../dist/io/exceljs.js');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  for await (const ws of reader) for await (const _row of ws) rows += 1;
} else {
  // the real command, its report sent nowhere
  process.stdout.write = () => true;
  const { main } = await import('../dist/cli/main.js');
  const code = await main(['node', 'jixiao', 'validate', file, '--format', 'json', '--no-progress']);
  if (code === 2) throw new Error('validate could not read the file');
  rows = -1; // the caller knows the row count
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stderr.write(`BENCH ${JSON.stringify({ rows, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
