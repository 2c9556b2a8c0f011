// The 问题清单 sheet every workbook ends with: each problem with its severity, code, place,
// what was expected and found, and the suggested fix; 未发现问题 when there is none.
import type { Workbook } from 'exceljs';
import { formatWhere, SEVERITY_LABEL, type Problem } from '../problems/problem.js';
import { addSheet, styleRow, type ColumnSpec } from './sheet-style.js';

export function problemsSheet(wb: Workbook, problems: readonly Problem[], title: string): void {
  // 100 units print on one A4 landscape width at 100% in every viewer, even in a LibreOffice
  // without Carlito, which measures units in DejaVu Sans (~9.3 px instead of 7-8)
  const columns: ColumnSpec[] = [
    { header: '级别', width: 5 },
    { header: '代码', width: 13, wrap: true },
    { header: '位置', width: 18, wrap: true },
    { header: '问题', width: 28, wrap: true },
    { header: '应为', width: 10, wrap: true },
    { header: '实际为', width: 10, wrap: true },
    { header: '建议', width: 16, wrap: true },
  ];
  const { ws, first } = addSheet(wb, '问题清单', title, columns);
  let r = first;
  if (problems.length === 0) {
    const row = ws.getRow(r);
    row.getCell(1).value = '未发现问题';
    ws.mergeCells(r, 1, r, columns.length);
    styleRow(row, columns, { spans: new Map([[1, columns.length]]) });
    return;
  }
  for (const p of problems) {
    const row = ws.getRow(r);
    row.values = [SEVERITY_LABEL[p.severity], p.code, formatWhere(p.where), p.message, p.expected ?? '', p.found ?? '', p.hint ?? ''];
    styleRow(row, columns);
    r += 1;
  }
}
