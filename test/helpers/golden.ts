// Reviewed copies of whole outputs in fixtures/expected/: a change to any figure or
// wording shows as a diff. After a deliberate change, rewrite them with
// UPDATE_GOLDEN=1 npx vitest run <test file> and review the diff before committing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type ExcelJS from 'exceljs';
import { ROOT } from './fixture-copy.js';

export function expectGolden(name: string, value: unknown): void {
  const path = join(ROOT, 'fixtures/expected', `${name}.json`);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

/** A workbook as a reader sees it: per sheet its cells (value and number format), merges, print setup. */
export function workbookView(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((ws) => {
    const rows: Record<string, unknown>[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: Record<string, unknown> = {};
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells[cell.address] = cell.numFmt ? [cell.value, cell.numFmt] : cell.value;
      });
      rows.push({ row: r, ...cells });
    });
    return {
      name: ws.name,
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      widths: ws.columns?.map((c) => c.width ?? null) ?? [],
      print: { orientation: ws.pageSetup.orientation ?? null, fitToWidth: ws.pageSetup.fitToWidth ?? null, printTitlesRow: ws.pageSetup.printTitlesRow ?? null },
      rows,
    };
  });
}
