// The report draft as Markdown: headings, paragraphs, pipe tables; a placeholder in bold
// so it cannot be missed. Text from inputs is escaped where Markdown would read it as markup.
import type { Block, ReportDraft } from './report-draft.js';

/** Pipes and line breaks inside a table cell; leading markup characters of a paragraph. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function paragraph(text: string): string {
  return text.replace(/^([#>*+-]|\d+\.)/, '\\$1');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${b.text}`;
    case 'paragraph':
      return b.placeholder ? `**${paragraph(b.text)}**` : paragraph(b.text);
    case 'table':
      return [`**${b.caption}**`, '', `| ${b.header.map(cell).join(' | ')} |`, `|${b.header.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
  }
}

export function reportMarkdown(draft: ReportDraft): string {
  return `${[`# ${draft.title}`, draft.byline.join('　'), ...draft.blocks.map(block)].join('\n\n')}\n`;
}
