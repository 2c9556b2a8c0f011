// The working paper round trip: jixiao worksheet writes it, the evaluator's answers go
// into its input cells (here from the reference case's judgements.yaml, programmatically),
// and score reads it as the judgements file: the same workbook as from the YAML.
// A paper made for another tree, or an answer that fits no rule, is refused at its cell.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, edit } from '../helpers/fixture-copy.js';
import { workbookFileView } from '../helpers/golden.js';
import { runInProcess } from '../helpers/run-in-process.js';

const PAPER = '评分底稿.xlsx';
const at = (o: unknown, key: string) => key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

/** Fills the paper's input cells with the answers of a judgements file, as an evaluator would type them. */
async function fill(paper: string, judgements: { judgements: Record<string, unknown>; metrics: Record<string, Record<string, unknown>> }, change?: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(paper);
  const ws = wb.getWorksheet('评分底稿')!;
  ws.eachRow((row, n) => {
    const key = row.getCell(9).value;
    if (n <= 3 || typeof key !== 'string') return;
    const v = at(judgements.judgements[String(row.getCell(1).value)], key);
    if (v === undefined) return;
    if (v && typeof v === 'object') {
      const { have, need } = v as { have: number; need: number };
      row.getCell(7).value = have;
      row.getCell(8).value = need;
    } else row.getCell(7).value = v as string | number;
  });
  const given = wb.getWorksheet('给定数据')!;
  Object.entries(judgements.metrics).forEach(([name, m], i) => {
    given.getRow(4 + i).values = [name, String(m.label), String(m.value), m.kind === undefined ? null : String(m.kind), String(m.source)];
  });
  change?.(ws);
  await wb.xlsx.writeFile(paper);
}

describe('working paper', () => {
  let dir: string;
  let yaml: { judgements: Record<string, unknown>; metrics: Record<string, Record<string, unknown>> };
  beforeEach(async () => {
    dir = copyFixture('xiangyuan');
    yaml = parse(readFileSync(join(dir, 'judgements.yaml'), 'utf8'));
    const made = await runInProcess(['worksheet', dir, '-o', dir], dir);
    expect([made.code, made.stdout.split('\n')[0]]).toEqual([0, '评分底稿：21 个末级指标，104 个待填写的判断项']);
  });

  it('filled with the YAML answers, scores to a byte-identical workbook', async () => {
    await fill(join(dir, PAPER), yaml);
    const fromYaml = mkdtempSync(join(tmpdir(), 'jixiao-wp-'));
    expect((await runInProcess(['score', dir, '-o', fromYaml], dir)).code).toBe(0);
    edit(dir, 'evaluation.yaml', (t) => t.replace('file: judgements.yaml', `file: ${PAPER}`));
    const fromPaper = mkdtempSync(join(tmpdir(), 'jixiao-wp-'));
    const run = await runInProcess(['score', dir, '-o', fromPaper], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('88.50 / 100  88.50%  评价等级：良');
    expect(await workbookFileView(join(fromPaper, '评分结果.xlsx'))).toEqual(await workbookFileView(join(fromYaml, '评分结果.xlsx')));
    expect(readFileSync(join(fromPaper, '评分结果.xlsx')).equals(readFileSync(join(fromYaml, '评分结果.xlsx')))).toBe(true);
  });

  it('made from an evaluation with YAML judgements, the paper already holds them (in Chinese words) and scores the same', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, PAPER));
    const ws = wb.getWorksheet('评分底稿')!;
    const cells: unknown[][] = [];
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'execution_effectiveness') cells.push([row.getCell(9).value, row.getCell(7).value, row.getCell(8).value]);
    });
    expect(cells.slice(0, 5)).toEqual([
      ['items.publicity', '不符合', null],
      ['items.system_entry', '符合', null],
      ['items.matches_accounts', '符合', null],
      ['items.archive_rules', '符合', null],
      ['items.archive_completeness', 1, 1],
    ]);
    expect(wb.getWorksheet('给定数据')!.getRow(4).values).toEqual([undefined, 'registration.aid_rate', '困难职工建档人员救助率', '1', 'ratio', '报告第四部分：建档后的困难职工总工会全部发放补助资金']);
    const fromYaml = mkdtempSync(join(tmpdir(), 'jixiao-wp-'));
    await runInProcess(['score', dir, '-o', fromYaml], dir);
    edit(dir, 'evaluation.yaml', (t) => t.replace('file: judgements.yaml', `file: ${PAPER}`));
    const fromPaper = mkdtempSync(join(tmpdir(), 'jixiao-wp-'));
    expect((await runInProcess(['score', dir, '-o', fromPaper], dir)).code).toBe(0);
    expect(readFileSync(join(fromPaper, '评分结果.xlsx')).equals(readFileSync(join(fromYaml, '评分结果.xlsx')))).toBe(true);
  });

  it('a filled paper named as the judgements is never written over', async () => {
    edit(dir, 'evaluation.yaml', (t) => t.replace('file: judgements.yaml', `file: ${PAPER}`));
    const again = await runInProcess(['worksheet', dir, '-o', dir], dir);
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('[output-is-input]')]);
  });

  it('a paper made for another version of the tree is refused', async () => {
    await fill(join(dir, PAPER), yaml);
    edit(dir, 'evaluation.yaml', (t) => t.replace('file: judgements.yaml', `file: ${PAPER}`));
    edit(dir, 'tree.yaml', (t) => `${t}\n# changed\n`);
    const run = await runInProcess(['score', dir, '-o', mkdtempSync(join(tmpdir(), 'jixiao-wp-'))], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[paper-tree-changed]');
  });

  it('an answer that fits no rule is shown at its sheet, row and column', async () => {
    await fill(join(dir, PAPER), yaml, (ws) => {
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'basis_sufficiency' && row.getCell(9).value === 'items.policy') row.getCell(7).value = '也许';
      });
    });
    edit(dir, 'evaluation.yaml', (t) => t.replace('file: judgements.yaml', `file: ${PAPER}`));
    const run = await runInProcess(['score', dir, '-o', mkdtempSync(join(tmpdir(), 'jixiao-wp-'))], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[paper-answer-invalid]');
    expect(run.stderr).toMatch(/\[paper-answer-invalid\] 评分底稿\.xlsx 工作表「评分底稿」 第 4 行 「回答」列：项目决策 > 项目立项 > 立项依据充分性：回答不符合要求/);
  });

  it('a paper made before any judgement exists: each leaf asked for where it is, in the paper', async () => {
    rmSync(join(dir, PAPER));
    rmSync(join(dir, 'judgements.yaml'));
    edit(dir, 'evaluation.yaml', (t) => t.replace('file: judgements.yaml', `file: ${PAPER}`));
    expect((await runInProcess(['worksheet', dir, '-o', dir, '-q'], dir)).code).toBe(0);
    const run = await runInProcess(['score', dir, '--draft', '-o', mkdtempSync(join(tmpdir(), 'jixiao-wp-'))], dir);
    expect(run.stderr).toContain('警告 [judgement-missing] 评分底稿.xlsx 项目决策 > 项目立项 > 立项依据充分性：缺少评价判断（逐项计分），本项待评，暂计 0 分 建议：在评分底稿中「立项依据充分性」的行填写回答');
    // the figures only the evaluator gives (给定数据) are awaited the same way
    expect(run.stderr).toContain('警告 [metric-missing] 项目产出 > 帮扶数量 > 帮扶工作完成情况：部分「困难职工建档人员救助率」：缺少指标数据 registration.aid_rate，本项待评，暂计 0 分');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/草稿：\d+ 个末级指标待评/);
  });

  it('a file that is no working paper is refused as such', async () => {
    edit(dir, 'evaluation.yaml', (t) => t.replace('file: judgements.yaml', `file: ${PAPER}`));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(join(dir, PAPER));
    const other = await runInProcess(['score', dir, '-o', mkdtempSync(join(tmpdir(), 'jixiao-wp-'))], dir);
    expect([other.code, other.stderr]).toEqual([2, expect.stringContaining('[paper-unreadable] 评分底稿.xlsx：不是 jixiao 生成的评分底稿')]);
    writeFileSync(join(dir, PAPER), 'not a zip');
    const broken = await runInProcess(['score', dir, '-o', mkdtempSync(join(tmpdir(), 'jixiao-wp-'))], dir);
    expect([broken.code, broken.stderr]).toEqual([2, expect.stringContaining('[paper-unreadable] 评分底稿.xlsx：评分底稿无法打开')]);
  });

  it('locked computed cells, open input cells, the tree hash kept out of sight; the same bytes twice', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, PAPER));
    const ws = wb.getWorksheet('评分底稿')!;
    // a cell is locked unless it says otherwise (Excel's default, which exceljs leaves unwritten)
    expect([ws.getCell('B4').protection?.locked ?? true, ws.getCell('G4').protection?.locked, ws.getColumn(9).hidden]).toEqual([true, false, true]);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(wb.getWorksheet('jixiao')!.state).toBe('veryHidden');
    // the instructions come first and speak of the kinds of answers this tree asks for, and of this tree
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填写说明', '评分底稿', '给定数据', 'jixiao']);
    const help = wb.getWorksheet('填写说明')!;
    const hash = String(wb.getWorksheet('jixiao')!.getCell('B1').value);
    expect(help.getCell('A2').value).toBe(`指标体系：tree.yaml（校验值 ${hash.slice(0, 12)}）`);
    const topics: string[] = [];
    help.eachRow((row, n) => {
      if (n > 3) topics.push(String(row.getCell(1).value));
    });
    expect(topics).toEqual(['填写位置', '回答的写法：选择项', '回答的写法：分数', '回答的写法：处数', '回答的写法：现有数与应有数', '回答的写法：文字', '理由', '完成值', '证据', '「给定数据」', '读取', '指标体系改动后']);
    expect(String(help.getRow(4 + topics.indexOf('读取')).getCell(2).value)).toContain('{ kind: judgements, file: 评分底稿.xlsx }');
    const again = mkdtempSync(join(tmpdir(), 'jixiao-wp-'));
    await runInProcess(['worksheet', dir, '-o', again], dir);
    expect(readFileSync(join(again, PAPER)).equals(readFileSync(join(dir, PAPER)))).toBe(true);
  });
});

describe('working paper --printed: a report’s own scores, one row a leaf and one for the total', () => {
  it('filled in, score sets them beside its own and reports each difference; scores given in YAML are filled in already', async () => {
    const dir = copyFixture('xiangyuan');
    const yaml = parse(readFileSync(join(dir, 'judgements.yaml'), 'utf8'));
    const made = await runInProcess(['worksheet', dir, '-o', dir, '--printed'], dir);
    // 104 judgement cells, 21 printed scores and the total
    expect([made.code, made.stdout.split('\n')[0]]).toEqual([0, '评分底稿：21 个末级指标，126 个待填写的判断项']);
    await fill(join(dir, PAPER), yaml, (ws) => {
      ws.eachRow((row) => {
        const key = row.getCell(9).value;
        if (key === 'printed' && row.getCell(1).value === 'execution_effectiveness') row.getCell(7).value = 5;
        if (key === 'printed' && row.getCell(1).value === 'aid_rules') row.getCell(7).value = 3;
        if (key === 'printed_total') row.getCell(7).value = 89.5;
      });
    });
    edit(dir, 'evaluation.yaml', (t) => t.replace('file: judgements.yaml', `file: ${PAPER}`));
    const run = await runInProcess(['score', dir, '-o', join(dir, 'out'), '--format', 'json', '--no-chart'], dir);
    const env = JSON.parse(run.stdout) as { problems: { code: string; found?: string; expected?: string }[]; result: { printed_total?: string } };
    expect([run.code, env.result.printed_total, env.problems.filter((p) => p.code.startsWith('printed')).map((p) => [p.code, p.found, p.expected])]).toEqual([
      0,
      '89.50',
      [
        ['printed-score-differs', '5.00', '4.00'],
        ['printed-total-differs', '89.50', '88.50'],
      ],
    ]);
    // a paper made from YAML holding printed scores shows them in their cells
    const again = copyFixture('xiangyuan');
    edit(again, 'judgements.yaml', (t) => t.replace('  execution_effectiveness:\n', '  execution_effectiveness:\n    printed: 4\n') + '\nprinted_total: 88.5\n');
    expect((await runInProcess(['worksheet', again, '-o', again, '--printed', '-q'], again)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(again, PAPER));
    const cells: unknown[] = [];
    wb.getWorksheet('评分底稿')!.eachRow((row) => {
      const key = row.getCell(9).value;
      if (key === 'printed_total' || (key === 'printed' && row.getCell(1).value === 'execution_effectiveness')) cells.push([key, row.getCell(6).value, row.getCell(7).value]);
    });
    expect(cells).toEqual([
      ['printed', '报告印出的得分（复核报告时填写）', 4],
      ['printed_total', '报告印出的总分（复核报告时填写）', 88.5],
    ]);
  });
});
