// An XLSX large enough to be read in the worker thread (≥ 4 MB): merged title,
// two-row header and all rows arrive as they do in-thread.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../../src/io/exceljs.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { runCli } from '../helpers/run-cli.js';

const ROWS = 120_000;
const path = join(mkdtempSync(join(tmpdir(), 'jixiao-large-')), 'large.xlsx');

beforeAll(async () => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('花名册');
  // merges must be made before the rows they cover are committed
  const head = [
    ws.addRow(['表1-1 困难职工帮扶资金汇总表']),
    ws.addRow(['序号', '姓名', '身份证号码', '工作单位', '金额（元）', null, '帮扶项目']),
    ws.addRow([null, null, null, null, '帮扶金额', '已支付金额', null]),
  ];
  ws.mergeCells('A1:G1');
  ws.mergeCells('E2:F2');
  for (const c of ['A', 'B', 'C', 'D', 'G']) ws.mergeCells(`${c}2:${c}3`);
  for (const row of head) row.commit();
  for (let i = 1; i <= ROWS; i += 1) ws.addRow([i, `职工${i}`, `140423${19600101 + (i % 28)}${String(i % 1000).padStart(3, '0')}X`, `襄垣县第${i % 97}机械厂`, 6000, i === 100_000 ? '六千' : 6000, '生活救助']).commit();
  ws.commit();
  await wb.commit();
}, 120_000);

describe('validate on a large XLSX (worker thread)', () => {
  it('finds the two-row merged header and reports the bad row', () => {
    expect(statSync(path).size).toBeGreaterThan(4 * 1024 * 1024);
    const run = runCli(['validate', path, '--format', 'json'], ROOT);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.result.files[0].tables).toEqual([
      {
        sheet: '花名册',
        title: '表1-1 困难职工帮扶资金汇总表',
        headerRows: [2, 3],
        columns: { seq: '序号', name: '姓名', id_number: '身份证号码', unit: '工作单位', approved: '金额（元）/帮扶金额', paid: '金额（元）/已支付金额', aid_type: '帮扶项目' },
        extraHeaders: [],
      },
    ]);
    expect([json.result.files[0].rows, json.result.files[0].records]).toEqual([ROWS, ROWS - 1]);
    expect(json.problems.map((p: { code: string; where: { row: number } }) => [p.code, p.where.row])).toEqual([['roster-row-invalid', 100_003]]);
  });
});
