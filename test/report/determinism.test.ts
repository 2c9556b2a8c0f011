// Workbooks carry no time of writing: the same inputs give the same bytes whatever
// the clock says (the clock is set, not waited for). Covers the score workbook with
// its audit sheets, and the audit workbook.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workbook } from 'exceljs';
import ExcelJS from '../../src/io/exceljs.js';
import { writeWorkbook } from '../../src/io/write-xlsx.js';
import { writeStreamedWorkbook } from '../../src/io/write-xlsx-stream.js';
import { addAuditSheets } from '../../src/report/audit-sheets.js';
import { buildScoreWorkbook } from '../../src/report/score-workbook.js';
import { scoreEvaluation } from '../../src/run/score-evaluation.js';
import { ROOT } from '../helpers/fixture-copy.js';

afterEach(() => {
  vi.useRealTimers();
});

async function bytesAt(time: string, make: () => Promise<Workbook>): Promise<Buffer> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(time));
  const path = join(mkdtempSync(join(tmpdir(), 'jixiao-det-')), 'out.xlsx');
  await writeWorkbook(await make(), path);
  vi.useRealTimers();
  return readFileSync(path);
}

describe('workbooks do not depend on the clock', () => {
  it('the score workbook of the reference case, written at two different times', async () => {
    const make = async () => {
      const { loaded, scored, problems } = await scoreEvaluation(join(ROOT, 'fixtures/xiangyuan'));
      return buildScoreWorkbook({ project: loaded.config.project, period: loaded.config.period, scored, metrics: loaded.metrics, problems, audit: loaded.audit, showPii: false });
    };
    const a = await bytesAt('2020-01-01T00:00:00Z', make);
    const b = await bytesAt('2031-06-15T12:34:56Z', make);
    expect(a.length).toBeGreaterThan(5000);
    expect(a.equals(b)).toBe(true);
  });

  it('the audit sheets in memory', async () => {
    const make = async () => {
      const { loaded } = await scoreEvaluation(join(ROOT, 'fixtures/xiangyuan'));
      const wb = new ExcelJS.Workbook();
      addAuditSheets(wb, loaded.audit, '花名册');
      return wb;
    };
    expect((await bytesAt('2019-03-03T03:03:03Z', make)).equals(await bytesAt('2029-09-09T09:09:09Z', make))).toBe(true);
  });

  it('the audit workbook as the audit command streams it (archiver dates its entries otherwise)', async () => {
    const { loaded } = await scoreEvaluation(join(ROOT, 'fixtures/xiangyuan'));
    const streamedAt = async (time: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(time));
      const path = join(mkdtempSync(join(tmpdir(), 'jixiao-det-')), '数据核查.xlsx');
      try {
        await writeStreamedWorkbook(path, path, false, (wb, commit) => addAuditSheets(wb, loaded.audit, '花名册', { commit }));
      } finally {
        vi.useRealTimers();
      }
      return readFileSync(path);
    };
    const a = await streamedAt('2019-03-03T03:03:03Z');
    expect(a.length).toBeGreaterThan(5000);
    expect(a.equals(await streamedAt('2029-09-09T09:09:09Z'))).toBe(true);
  });
});
