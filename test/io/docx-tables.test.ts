// Word tables as rows: paragraphs joined with line breaks, gridSpan and vMerge as merged
// ranges, the paragraph above a table as its name, a nested table left inside its cell;
// the body's paragraphs outside tables as the report's text.
import { describe, expect, it } from 'vitest';
import { documentOf } from '../../src/io/docx-tables.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (inner: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${inner}</w:tc>`;

describe('documentOf', () => {
  it('reads cells, spans and merges, and names each table by the paragraph above it', () => {
    const xml = `<w:document ${W}><w:body>${p('前文')}${p('表 1 得分')}<w:tbl>
      <w:tr>${tc(p('一级指标'))}${tc(p('权重'))}${tc(p('得分'))}</w:tr>
      <w:tr>${tc(p('项目决策') + p('(20 分)'), '<w:vMerge w:val="restart"/>')}${tc(p('20'))}${tc(p('14'))}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc(p('合计'), '<w:gridSpan w:val="2"/>')}</w:tr>
    </w:tbl>${p('')}<w:tbl><w:tr>${tc(p('a') + `<w:tbl><w:tr>${tc(p('inner'))}</w:tr></w:tbl>`)}${tc(p('b<w:tab/>c'.replace('<w:tab/>', '')))}</w:tr></w:tbl></w:body></w:document>`;
    const { tables, paragraphs } = documentOf(xml, 'r.docx');
    // the text outside tables, empty paragraphs left out
    expect(paragraphs).toEqual(['前文', '表 1 得分']);
    expect(tables.map((t) => t.title)).toEqual(['表 1 得分', undefined]);
    expect(tables[0]!.rows).toEqual([
      ['一级指标', '权重', '得分'],
      ['项目决策\n(20 分)', '20', '14'],
      ['', '合计', ''],
    ]);
    expect(tables[0]!.merges).toEqual([
      { top: 3, bottom: 3, left: 2, right: 3 },
      { top: 2, bottom: 3, left: 1, right: 1 },
    ]);
    // the nested table's text stays in its cell
    expect(tables[1]!.rows).toEqual([['a\ninner', 'bc']]);
  });
});
