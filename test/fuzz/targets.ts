// What the fuzz harness feeds and how it judges: each target reads one kind of
// input through the real code path; a located InputError is a correct answer,
// anything else thrown is a crash.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadTree } from '../../src/engine/load-tree.js';
import { lintTree } from '../../src/engine/lint-tree.js';
import { score } from '../../src/engine/score.js';
import { readStructuredFile } from '../../src/io/structured-file.js';
import { KIND_SAMPLE_ROWS, kindOfHead } from '../../src/run/detect-kind.js';
import { readFileRecords } from '../../src/run/read-table.js';
import { scoreEvaluation } from '../../src/run/score-evaluation.js';
import type { SheetHead } from '../../src/io/sheet-source.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { ENTRY_ORDERS, workbookParts, writeParts } from '../helpers/xlsx-parts.js';
import { applyEdits, applyTextEdits, applyXmlEdits, byteEdit, textEdit, xmlEdit } from './mutate.js';

export interface FuzzTarget {
  name: string;
  ext: string;
  /** a recipe for one input */
  arbitrary: fc.Arbitrary<unknown>;
  /** writes the input the recipe describes to `path` */
  make(recipe: unknown, path: string): Promise<void>;
  /** reads it as the tool would */
  run(path: string): Promise<void>;
}

const fixture = (p: string) => readFileSync(join(ROOT, 'fixtures', p));

async function readTable(path: string): Promise<void> {
  const chooser = { sampleRows: KIND_SAMPLE_ROWS, choose: (head: SheetHead) => kindOfHead(head, 'fuzz', {}) };
  await readFileRecords(path, 'fuzz', chooser, { sheet: '*' }, () => undefined, () => undefined);
}

const CSV_SEEDS = ['messy/utf8-bom.csv', 'messy/gb18030.csv', 'messy/messy-headers.csv', 'messy/stacked.csv', 'messy/budget.csv', 'xiangyuan/survey.csv', 'xiangyuan/rosters/2021.csv'].map(fixture);

/** Cells real rosters hold, and the ones that break parsers. */
const CELL = fc.oneof(fc.constantFrom('姓名', '已支付金额', '帮扶项目', '刘勇', '6,664', '17.16万元', '(100)', '合计', '备注：', '"', '""', '山西"三晋"公司', '\r', '\n', '\r\n', '', ' ', '140423199001011234', '=1+1', '１２３'), fc.string({ maxLength: 8 }));
const CSV_ROWS = fc.array(fc.array(CELL, { maxLength: 8 }), { maxLength: 30 });

const csvTarget: FuzzTarget = {
  name: 'csv',
  ext: 'csv',
  arbitrary: fc.oneof(
    fc.record({ seed: fc.nat({ max: CSV_SEEDS.length - 1 }), edits: fc.array(byteEdit, { minLength: 1, maxLength: 6 }) }),
    fc.record({ rows: CSV_ROWS, sep: fc.constantFrom(',', '\t', ';'), eol: fc.constantFrom('\n', '\r\n', '\r') }),
  ),
  async make(recipe, path) {
    const r = recipe as { seed?: number; edits?: Parameters<typeof applyEdits>[1]; rows?: string[][]; sep?: string; eol?: string };
    if (r.rows) writeFileSync(path, r.rows.map((row) => row.join(r.sep)).join(r.eol));
    else writeFileSync(path, applyEdits(CSV_SEEDS[r.seed ?? 0] as Buffer, r.edits ?? []));
  },
  run: readTable,
};

const XLSX_SHEETS = [
  { name: '花名册', rows: [['表1-1 2020年困难职工帮扶资金发放表'], ['序号', '姓名', '工作单位', '帮扶金额', '已支付金额', '帮扶项目'], ['1', '刘勇', '襄垣县弘昇电力有限公司', '3000', '3000', '生活救助'], ['合计', '', '', '3000', '3000', '']] },
  { name: 'Sheet2', rows: [] },
];
const XLSX_SEED = fixture('messy/merged-header.xlsx');

const xlsxTarget: FuzzTarget = {
  name: 'xlsx',
  ext: 'xlsx',
  arbitrary: fc.oneof(
    fc.record({ xml: fc.array(xmlEdit, { minLength: 1, maxLength: 5 }), order: fc.constantFrom(...Object.keys(ENTRY_ORDERS)), inline: fc.boolean() }),
    fc.record({ edits: fc.array(byteEdit, { minLength: 1, maxLength: 4 }) }),
  ),
  async make(recipe, path) {
    const r = recipe as { xml?: Parameters<typeof applyXmlEdits>[1]; order?: string; inline?: boolean; edits?: Parameters<typeof applyEdits>[1] };
    if (r.edits) {
      writeFileSync(path, applyEdits(XLSX_SEED, r.edits));
      return;
    }
    const parts = applyXmlEdits(workbookParts(XLSX_SHEETS, { inline: r.inline ?? false }), r.xml ?? []);
    await writeParts(path, (ENTRY_ORDERS[r.order ?? ''] ?? ((p) => p))(parts));
  },
  run: readTable,
};

const TREE = fixture('xiangyuan/tree.yaml').toString('utf8');
const treeTarget: FuzzTarget = {
  name: 'tree',
  ext: 'yaml',
  arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 8 }),
  async make(recipe, path) {
    writeFileSync(path, applyTextEdits(TREE, recipe as Parameters<typeof applyTextEdits>[1]));
  },
  async run(path) {
    const loaded = loadTree(await readStructuredFile(path, 'tree.yaml'), 'tree.yaml');
    if (!loaded.tree) return;
    lintTree(loaded.tree, 'tree.yaml');
    score({ tree: loaded.tree, metrics: new Map(), answers: {} });
  },
};

/** One scratch copy of the reference case; each run puts the mutated file into it. */
let evaluationDir: string | undefined;
function scratchEvaluation(): string {
  if (!evaluationDir) {
    evaluationDir = join(mkdtempSync(join(tmpdir(), 'jixiao-fuzz-')), 'xiangyuan');
    cpSync(join(ROOT, 'fixtures/xiangyuan'), evaluationDir, { recursive: true });
  }
  return evaluationDir;
}

function evaluationFileTarget(name: string, file: string): FuzzTarget {
  const original = fixture(`xiangyuan/${file}`).toString('utf8');
  return {
    name,
    ext: 'yaml',
    arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 6 }),
    async make(recipe, path) {
      writeFileSync(path, applyTextEdits(original, recipe as Parameters<typeof applyTextEdits>[1]));
    },
    async run(path) {
      const dir = scratchEvaluation();
      for (const f of ['evaluation.yaml', 'judgements.yaml']) writeFileSync(join(dir, f), fixture(`xiangyuan/${f}`));
      writeFileSync(join(dir, file), readFileSync(path));
      await scoreEvaluation(dir);
    },
  };
}

export const TARGETS: FuzzTarget[] = [csvTarget, xlsxTarget, treeTarget, evaluationFileTarget('judgements', 'judgements.yaml'), evaluationFileTarget('evaluation', 'evaluation.yaml')];
