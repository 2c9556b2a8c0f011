// The chart of score rates by level-1 and level-2 indicator (得分率): an SVG drawn here,
// rendered to PNG in Node by resvg with the one CJK font weight the package bundles
// (fonts/NotoSansSC-Regular.ttf, SIL OFL), never a system font — so it looks the same
// on a machine without Chinese fonts, and the PNG is the same bytes on every run.
import { fileURLToPath } from 'node:url';
import type { ScoredNode, ScoredTree } from '../engine/score.js';
import { percent } from '../numbers/decimal.js';

export const CHART_FONT = fileURLToPath(new URL('../../fonts/NotoSansSC-Regular.ttf', import.meta.url));
const FAMILY = 'Noto Sans SC';

/** Pixel size of the chart (drawn at twice this for print). */
export const CHART_WIDTH = 880;
const ROW = 30;
const TOP = 56;
const LABEL = 250;
const BAR = 520;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface ChartRow {
  label: string;
  rate: number;
  text: string;
  level: 1 | 2;
}

function rowsOf(nodes: readonly ScoredNode[]): ChartRow[] {
  return nodes.flatMap((l1) => [
    { label: l1.node.name, rate: l1.rate.toNumber(), text: percent(l1.rate), level: 1 as const },
    ...(l1.children ?? []).filter((c) => c.children || c.node.level === 2).map((l2) => ({ label: l2.node.name, rate: l2.rate.toNumber(), text: percent(l2.rate), level: 2 as const })),
  ]);
}

export function chartHeight(scored: ScoredTree): number {
  return TOP + rowsOf(scored.nodes).length * ROW + 24;
}

export function scoreChartSvg(scored: ScoredTree, title: string): string {
  const rows = rowsOf(scored.nodes);
  const height = chartHeight(scored);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${FAMILY}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${CHART_WIDTH / 2}" y="30" font-size="18" text-anchor="middle" fill="#000000">${escape(title)}</text>`,
  ];
  // the 0 / 50% / 100% grid
  for (const share of [0, 0.5, 1]) {
    const x = LABEL + BAR * share;
    parts.push(`<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${height - 20}" stroke="#bfbfbf" stroke-width="1"/>`);
    parts.push(`<text x="${x}" y="${height - 6}" font-size="11" text-anchor="middle" fill="#595959">${share * 100}%</text>`);
  }
  rows.forEach((r, i) => {
    const y = TOP + i * ROW;
    const width = Math.max(0, Math.min(1, r.rate)) * BAR;
    const indent = r.level === 1 ? 8 : 28;
    parts.push(`<text x="${indent}" y="${y + 19}" font-size="${r.level === 1 ? 15 : 13}" fill="#000000">${escape(r.label)}</text>`);
    parts.push(`<rect x="${LABEL}" y="${y + 5}" width="${width.toFixed(1)}" height="${ROW - 10}" fill="${r.level === 1 ? '#2f5597' : '#8faadc'}"/>`);
    parts.push(`<text x="${LABEL + BAR + 10}" y="${y + 19}" font-size="13" fill="#000000">${r.text}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** Charts drawn in this process, by their SVG: `score` and `report` of one evaluation draw the same one. */
const drawn = new Map<string, Buffer>();

/** The chart as PNG bytes, at twice its size for print (~0.2 s here, 0.5 s with the other core busy). resvg is loaded only when a chart is drawn. */
export async function scoreChartPng(scored: ScoredTree, title: string): Promise<Buffer> {
  const svg = scoreChartSvg(scored, title);
  const known = drawn.get(svg);
  if (known) return known;
  const { Resvg } = await import('@resvg/resvg-js');
  const png = Buffer.from(new Resvg(svg, { font: { fontFiles: [CHART_FONT], loadSystemFonts: false, defaultFontFamily: FAMILY }, fitTo: { mode: 'width', value: CHART_WIDTH * 2 }, background: '#ffffff' }).render().asPng());
  if (drawn.size >= 8) drawn.clear();
  drawn.set(svg, png);
  return png;
}
