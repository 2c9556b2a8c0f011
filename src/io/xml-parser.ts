// The one XML parser of the XLSX reader (saxes), with the element names of every
// event reduced to their local part: some writers prefix SpreadsheetML (`<x:c>`).
// The first well-formedness error (a damaged part, an undefined entity) is thrown
// as a located input error from the write that met it.
import { SaxesParser } from 'saxes';
import { inputError, type Where } from '../problems/problem.js';

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

export interface XmlParser {
  write(text: string): void;
  close(): void;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function xmlParser(handlers: XmlHandlers, where: Where, part: string): XmlParser {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let failure: string | undefined;
  parser.on('error', (e) => {
    failure ??= e.message;
  });
  const { open, text, close } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing));
  if (text) parser.on('text', text);
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  const check = () => {
    if (failure !== undefined) {
      throw inputError('xlsx-invalid', `工作簿内部的 ${part} 不是有效的 XML（${failure}）`, where, { hint: '文件可能已损坏：在 Excel 或 WPS 中打开后重新另存为 .xlsx' });
    }
  };
  return {
    write(chunk: string) {
      parser.write(chunk);
      check();
    },
    close() {
      parser.close();
      check();
    },
  };
}

/** A whole small part, parsed at once. */
export function parseXml(xml: string, handlers: XmlHandlers, where: Where, part: string): void {
  const p = xmlParser(handlers, where, part);
  p.write(xml);
  p.close();
}

/** OOXML strings escape characters XML cannot hold as `_xHHHH_` (a literal `_x` is `_x005F_x`). */
export function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
