// Opt-in (JIXIAO_RENDER=1, where LibreOffice and poppler are installed): the score
// workbook and the report draft converted to PDF with soffice --headless, their text and
// page counts checked, as a person would open and print them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-copy.js';
import { runCli } from '../helpers/run-cli.js';

const has = (cmd: string, flag: string) => spawnSync(cmd, [flag], { encoding: 'utf8' }).status === 0;
const wanted = process.env.JIXIAO_RENDER === '1' && has('soffice', '--version') && has('pdfinfo', '-v');

function pdf(file: string, dir: string): { pages: number; text: string } {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
  const out = join(dir, file.split(/[\\/]/).pop()!.replace(/\.\w+$/, '.pdf'));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1]);
  return { pages, text: execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }) };
}

describe.runIf(wanted)('rendered with LibreOffice (JIXIAO_RENDER=1)', () => {
  it('评分结果.xlsx and 评价报告.docx print with their numbers and a sensible page count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-render-'));
    expect(runCli(['score', 'fixtures/xiangyuan', '-o', dir, '-q'], ROOT).code).toBe(0);
    expect(runCli(['report', 'fixtures/xiangyuan', '-o', dir, '-q'], ROOT).code).toBe(0);
    const book = pdf(join(dir, '评分结果.xlsx'), dir);
    expect(book.text).toContain('88.50');
    expect(book.pages).toBeGreaterThanOrEqual(5);
    const report = pdf(join(dir, '评价报告.docx'), dir);
    expect(report.text.replace(/\s+/g, '')).toContain('综合得分88.50分，得分率为88.5%，评价等级为「良」');
    expect(report.pages).toBeGreaterThanOrEqual(5);
    expect(report.pages).toBeLessThanOrEqual(20);
  }, 300_000);
});
