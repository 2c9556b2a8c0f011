// The 数据核查 sheet on a large audit: listed up to a cap, errors first, and says how many more.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../../src/io/exceljs.js';
import { readStructuredFile } from '../../src/io/structured-file.js';
import { addAuditSheets } from '../../src/report/audit-sheets.js';
import { auditRosters } from '../../src/run/audit-rosters.js';
import { auditConfigSchema } from '../../src/schema/audit-config.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { workbookFileView } from '../helpers/golden.js';
import { writeWorkbook } from '../../src/io/write-xlsx.js';
import { writeStreamedWorkbook } from '../../src/io/write-xlsx-stream.js';

const file = (f: string) => ({ path: join(ROOT, 'fixtures/audit', f), display: f });

describe('one layout for both writers', () => {
  it('streamed (the audit command) and in memory (the score workbook), the sheets read the same: cells, merges, heights, print setup', async () => {
    const config = auditConfigSchema.parse(await readStructuredFile(join(ROOT, 'fixtures/audit/audit.yaml'), 'audit.yaml'));
    const { audit } = await auditRosters([file('roster-2021.csv'), file('roster-2022.csv')], config, [2021, 2022], {}, file('registry.csv'));
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-both-'));
    const memory = new ExcelJS.Workbook();
    addAuditSheets(memory, audit, '花名册', { maxListed: 5 });
    await writeWorkbook(memory, join(dir, 'memory.xlsx'));
    await writeStreamedWorkbook(join(dir, 'stream.xlsx'), 'stream.xlsx', false, (wb, commit) => addAuditSheets(wb, audit, '花名册', { maxListed: 5, commit }));
    // the streaming writer leaves an empty text as no value, which a reader cannot tell apart
    const withoutEmpty = (view: unknown) => JSON.parse(JSON.stringify(view), (_k, v) => (v === '' ? undefined : v));
    expect(withoutEmpty(await workbookFileView(join(dir, 'stream.xlsx')))).toEqual(withoutEmpty(await workbookFileView(join(dir, 'memory.xlsx'))));
  });
});

describe('数据核查 sheet', () => {
  it('lists at most the cap, errors first, then a line with the count of the rest; 核查汇总 counts all', async () => {
    const config = auditConfigSchema.parse(await readStructuredFile(join(ROOT, 'fixtures/audit/audit.yaml'), 'audit.yaml'));
    const { audit } = await auditRosters([file('roster-2021.csv'), file('roster-2022.csv')], config, [2021, 2022], {}, file('registry.csv'));
    expect(audit.findings).toHaveLength(20);
    const wb = new ExcelJS.Workbook();
    addAuditSheets(wb, audit, '花名册', { maxListed: 5 });
    const ws = wb.getWorksheet('数据核查')!;
    // row 1 title, row 2 header, rows 3-7 the five listed, row 8 the rest
    const levels = [3, 4, 5, 6, 7].map((r) => ws.getCell(r, 1).value);
    expect(levels).toEqual(['错误', '错误', '错误', '错误', '错误']);
    expect(ws.getCell(8, 1).value).toBe('……另有 15 条问题未列出（本表按错误、警告、提示的顺序只列前 5 条；各核查项的数量见「核查汇总」，完整清单用 --format json 输出）');
    expect(ws.getCell(9, 1).value).toBeNull();
    const sum = wb.getWorksheet('核查汇总')!;
    const totalRow = sum.getColumn(1).values.findIndex((v) => v === '合计');
    const counts = [3, 4, 5].map((c) => Number(sum.getCell(totalRow, c).value));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
  });
});
