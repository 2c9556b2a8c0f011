// npm run bench: validate on 1,000,000-row rosters (CSV UTF-8, CSV GB18030, CSV with
// blank and note lines, XLSX with shared strings), each beside a bare pass of the same library over the same file,
// so the ratio holds on a noisy machine. Passes alternate (bare, validate, bare, …)
// BENCH_RUNS times (default 5) and the medians are reported. BENCH_ROWS changes the size;
// BENCH_CASES picks cases (e.g. BENCH_CASES=csv-utf8,xlsx; default: all four; csv-blank is a
// roster under a title row with half its lines blank and notes between).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBlankCsv, writeCsv, writeGb18030Csv, writeUnitTables, writeXlsx } from './generate.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const BATCH_FILES = Number(process.env.BENCH_BATCH_FILES ?? 1000);
const BATCH_ROWS = 300;
/** A file's size, or a folder's (its files'), in MB. */
function sizeMb(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size / 1e6;
  return readdirSync(path).reduce((n, f) => n + statSync(join(path, f)).size, 0) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
const here = import.meta.dirname;

function pass(mode, file, encoding) {
  const r = spawnSync(process.execPath, [join(here, 'pass.mjs'), mode, file, ...(encoding ? [encoding] : [])], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const line = r.stderr.split('\n').find((l) => l.startsWith('BENCH '));
  if (r.status !== 0 || !line) throw new Error(`${mode} ${file} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line.slice(6));
}

const cases = [
  { id: 'csv-utf8', name: 'CSV UTF-8', file: join(dir, 'roster-utf8.csv'), make: writeCsv, bare: 'bare-csv', encoding: 'utf-8', target: { ratio: 1.6, rssMb: 400 } },
  { id: 'csv-gb18030', name: 'CSV GB18030', file: join(dir, 'roster-gb18030.csv'), make: writeGb18030Csv, bare: 'bare-csv', encoding: 'gb18030', target: { ratio: 1.6, rssMb: 400 } },
  { id: 'csv-blank', name: 'CSV blank/notes', file: join(dir, 'roster-blank.csv'), make: writeBlankCsv, bare: 'bare-csv', encoding: 'utf-8', target: { ratio: 1.6, rssMb: 400 } },
  { id: 'xlsx', name: 'XLSX', file: join(dir, 'roster.xlsx'), make: writeXlsx, bare: 'bare-xlsx', target: { ratio: 1.3, rssMb: 1200 } },
  // jixiao batch on 1,000 units' tables of 300 rows (the issue's "well under a minute"), beside csv-parse over the same files
  {
    id: 'batch',
    name: 'batch 1000×300',
    file: join(dir, 'units'),
    make: (folder) => writeUnitTables(folder, BATCH_FILES, BATCH_ROWS),
    rows: BATCH_FILES * BATCH_ROWS,
    bare: 'bare-csv-folder',
    mode: 'batch',
    // the bare pass parses no number and builds no figure: the ratio says what exact sums, checks and the workbook cost
    target: { ratio: 8, rssMb: 1000, seconds: 30 },
  },
];

const wanted = process.env.BENCH_CASES?.split(',').map((s) => s.trim());
const unknown = wanted?.filter((id) => !cases.some((c) => c.id === id)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown BENCH_CASES: ${unknown.join(', ')} (known: ${cases.map((c) => c.id).join(', ')})`);
  process.exit(2);
}

try {
  console.log(`jixiao bench: ${ROWS.toLocaleString('en-US')} rows per file, median of ${RUNS} alternating runs (peak RSS: the largest), Node ${process.version}`);
  const lines = [];
  for (const c of cases.filter((c) => !wanted || wanted.includes(c.id))) {
    process.stderr.write(`generating ${c.name} …\n`);
    await c.make(c.file, ROWS);
    const mb = sizeMb(c.file);
    const rows = c.rows ?? ROWS;
    process.stderr.write(`measuring ${c.name} (${mb.toFixed(0)} MB) …\n`);
    const bares = [];
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      bares.push(pass(c.bare, c.file, c.encoding));
      runs.push(pass(c.mode ?? 'validate', c.file));
    }
    const bare = { seconds: median(bares.map((b) => b.seconds)), maxRssMb: Math.max(...bares.map((b) => b.maxRssMb)) };
    const run = { seconds: median(runs.map((r) => r.seconds)), maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
    const ratio = run.seconds / bare.seconds;
    // each validate pass against the bare pass run just before it: the spread on this machine
    const pairs = runs.map((r, i) => r.seconds / bares[i].seconds);
    const ok = ratio <= c.target.ratio && run.maxRssMb <= c.target.rssMb && (c.target.seconds === undefined || run.seconds <= c.target.seconds);
    lines.push(
      [
        c.name.padEnd(12),
        `${Math.round(rows / run.seconds).toLocaleString('en-US').padStart(9)} rows/s`,
        `${(mb / run.seconds).toFixed(1).padStart(6)} MB/s`,
        `${run.seconds.toFixed(1).padStart(6)} s`,
        `peak RSS ${run.maxRssMb.toFixed(0).padStart(5)} MB`,
        `bare ${Math.round(rows / bare.seconds).toLocaleString('en-US').padStart(9)} rows/s ${bare.seconds.toFixed(1).padStart(5)} s ${bare.maxRssMb.toFixed(0).padStart(5)} MB`,
        `ratio ${ratio.toFixed(2)} (pairs ${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}; target ≤ ${c.target.ratio}, RSS ≤ ${c.target.rssMb} MB${c.target.seconds ? `, ≤ ${c.target.seconds} s` : ''}) ${ok ? 'ok' : 'MISSED'}`,
      ].join('  '),
    );
    console.log(lines[lines.length - 1]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
