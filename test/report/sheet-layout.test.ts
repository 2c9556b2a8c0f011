// The printed geometry, at its limits: character widths, lines per column width,
// row heights, the print scale at exactly 90% and just under, page breaks between
// groups (and inside one only when it is taller than a page).
import { describe, expect, it } from 'vitest';
import { PAGE, heightForLines, lineCount, pageBreaks, pageHeightAt, printScale, rowHeight, textEms } from '../../src/report/sheet-layout.js';

describe('text widths', () => {
  it('wide characters (CJK, full-width and ambiguous punctuation) are 1 em, the rest 0.55', () => {
    expect([textEms(''), textEms('中'), textEms('a'), textEms('，'), textEms('①'), textEms('—'), textEms('1.5分')]).toEqual([0, 1, 0.55, 1, 1, 1, 1 + 0.55 * 3]);
  });

  it('a column 10 wide holds 4 CJK characters a line at 10 pt, not 5; hard line breaks count', () => {
    // 10 units × 7 px − 6 px padding = 64 px, 95% usable = 60.8 px; a 10 pt character is 13.33 px
    expect(['中'.repeat(4), '中'.repeat(5), '中'.repeat(8), '中'.repeat(9)].map((t) => lineCount(t, 10))).toEqual([1, 2, 2, 3]);
    expect([lineCount('', 10), lineCount('中\n中', 10), lineCount('中\r\n\n中', 10)]).toEqual([1, 2, 3]);
    // the font size counts: at 14 pt the same column holds 3
    expect([lineCount('中'.repeat(3), 10, 14), lineCount('中'.repeat(4), 10, 14)]).toEqual([1, 2]);
  });
});

describe('row heights', () => {
  it('1.45 line heights a line plus 4 pt, rounded up', () => {
    expect([heightForLines(1), heightForLines(2), heightForLines(1, 14)]).toEqual([19, 33, 25]);
  });

  it('the tallest cell decides; unwrapped cells count their hard lines only; blanks none', () => {
    const wrapped = { text: '中'.repeat(9), width: 10, wrap: true };
    expect(rowHeight([wrapped, { text: '1', width: 5, wrap: false }])).toBe(heightForLines(3));
    expect(rowHeight([{ text: '中'.repeat(9), width: 10, wrap: false }])).toBe(heightForLines(1));
    expect(rowHeight([{ text: 'a\nb', width: 10, wrap: false }])).toBe(heightForLines(2));
    expect(rowHeight([{ text: '', width: 10, wrap: true }])).toBe(heightForLines(1));
    expect(rowHeight([{ text: '中'.repeat(4), width: 10, wrap: true, fontSize: 14 }])).toBe(heightForLines(2, 14));
  });
});

describe('print scale', () => {
  it('fills the A4 landscape width at most at 100%, and refuses columns that would print under 90%', () => {
    expect(PAGE.widthPt).toBeCloseTo(784.29, 2);
    // 8 px a unit (LibreOffice's width, the widest) = 6 pt
    expect(printScale([100])).toBe(100);
    expect(printScale([130.7])).toBe(100);
    expect(printScale([131])).toBe(99);
    expect(printScale([100, 45])).toBe(90);
    expect(() => printScale([100, 45.3])).toThrow('print at 89% (< 90%)');
  });
});

describe('page breaks', () => {
  const h = (...heights: number[]) => heights;
  it('none when everything fits; a group that does not fit starts the next page', () => {
    expect(pageBreaks(h(100, 100, 100), [{ from: 0, to: 2 }], 300)).toEqual([]);
    expect(pageBreaks(h(100, 100, 100), [{ from: 0, to: 1 }, { from: 2, to: 2 }], 299)).toEqual([2]);
    expect(pageBreaks(h(100, 100, 100), [{ from: 0, to: 1 }, { from: 2, to: 2 }], 300)).toEqual([]);
  });

  it('a group taller than a page is split between its children, each kept whole', () => {
    const groups = [{ from: 0, to: 3, children: [{ from: 0, to: 1 }, { from: 2, to: 3 }] }];
    expect(pageBreaks(h(100, 100, 100, 100), groups, 250)).toEqual([2]);
    // one that starts on a fresh page splits without an empty page before it
    expect(pageBreaks(h(50, 100, 100, 100, 100), [{ from: 0, to: 0 }, { from: 1, to: 4, children: [{ from: 1, to: 2 }, { from: 3, to: 4 }] }], 250)).toEqual([3]);
  });

  it('a child taller than a page is split between its rows; a row taller than a page gets its own', () => {
    expect(pageBreaks(h(100, 100, 100), [{ from: 0, to: 2, children: [{ from: 0, to: 2 }] }], 150)).toEqual([1, 2]);
    expect(pageBreaks(h(50, 400, 50), [{ from: 0, to: 0 }, { from: 1, to: 1 }, { from: 2, to: 2 }], 300)).toEqual([1, 2]);
  });

  it('a page holds its height at the scale, below the repeated titles', () => {
    expect(pageHeightAt(100, 0)).toBeCloseTo(PAGE.heightPt, 6);
    expect(pageHeightAt(50, 20)).toBeCloseTo(PAGE.heightPt * 2 - 20, 6);
  });
});
