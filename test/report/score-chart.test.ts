// The chart of score rates: every level-1 and level-2 indicator with its rate, the
// bundled font and no system font, the same PNG bytes in two processes (the workbook and
// the report embed it), and where it goes in each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CHART_FONT, scoreChartSvg } from '../../src/report/score-chart.js';
import { scoreEvaluation } from '../../src/run/score-evaluation.js';
import { ROOT } from '../helpers/fixture-copy.js';
import { runCli } from '../helpers/run-cli.js';

describe('score chart', () => {
  it('one bar per level-1 and level-2 indicator, labelled with its rate', async () => {
    const { scored } = await scoreEvaluation(join(ROOT, 'fixtures/xiangyuan'));
    const svg = scoreChartSvg(scored, '各级指标得分率');
    const labels = [...svg.matchAll(/<text [^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels.slice(0, 9)).toEqual(['各级指标得分率', '0%', '50%', '100%', '项目决策', '70.00%', '项目立项', '100.00%', '绩效目标']);
    expect(labels).toContain('可持续影响');
    expect(svg.match(/<rect x=/g)).toHaveLength(13);
    // a rate of 0 draws no bar, 100% the whole length
    expect(svg).toContain('width="0.0"');
    expect(svg).toContain('width="520.0"');
  });

  it('draws with the bundled font only (one weight, under 15 MB), the same bytes in two processes', () => {
    expect(statSync(CHART_FONT).size).toBeLessThan(15 * 1024 * 1024);
    const draw = () => spawnSync(process.execPath, ['--input-type=module', '-e', `
      import { scoreEvaluation } from ${JSON.stringify(join(ROOT, 'dist/run/score-evaluation.js'))};
      import { scoreChartPng } from ${JSON.stringify(join(ROOT, 'dist/report/score-chart.js'))};
      const { scored } = await scoreEvaluation(${JSON.stringify(join(ROOT, 'fixtures/xiangyuan'))});
      process.stdout.write((await scoreChartPng(scored, '各级指标得分率')).toString('base64'));`], { encoding: 'utf8' }).stdout;
    const [a, b] = [draw(), draw()];
    expect(a.length).toBeGreaterThan(10000);
    expect(a).toBe(b);
    expect(Buffer.from(a, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('embedded below 表3-2 on a page of its own, and after 表 3-2 in the report; --no-chart leaves it out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-chart-'));
    expect(runCli(['score', 'fixtures/xiangyuan', '-o', dir, '-q'], ROOT).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '评分结果.xlsx'));
    const images = wb.getWorksheet('表3-2 得分汇总')!.getImages();
    expect(images.map((i) => [i.range.tl.nativeRow, i.range.tl.nativeCol])).toEqual([[19, 0]]);
    expect(runCli(['report', 'fixtures/xiangyuan', '-o', dir, '-q'], ROOT).code).toBe(0);
    const doc = await JSZip.loadAsync(readFileSync(join(dir, '评价报告.docx')));
    expect(Object.keys(doc.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
    const none = mkdtempSync(join(tmpdir(), 'jixiao-chart-'));
    runCli(['score', 'fixtures/xiangyuan', '-o', none, '-q', '--no-chart'], ROOT);
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.readFile(join(none, '评分结果.xlsx'));
    expect(plain.getWorksheet('表3-2 得分汇总')!.getImages()).toEqual([]);
  });
});
