// Inputs for the fuzz harness: byte mutations of real files, text mutations of
// YAML, and XLSX workbooks rebuilt from mutated XML parts in random entry orders.
import fc from 'fast-check';

export type ByteEdit = { op: 'flip'; at: number; bit: number } | { op: 'insert'; at: number; bytes: Uint8Array } | { op: 'delete'; at: number; length: number } | { op: 'repeat'; at: number; length: number; times: number };

/** Bytes that break readers: quotes, line ends, NUL, BOM starts, separators, a split UTF-8 character, a GB18030 lead byte. */
const NASTY = [0x22, 0x0d, 0x0a, 0x00, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x2c, 0x09, 0x3b, 0xe5, 0x81, 0x5c, 0x3c, 0x26];

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }).chain((b) => fc.constantFrom(b, Uint8Array.from(NASTY.slice(0, 1 + (b.length % NASTY.length))))) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 32 }), times: fc.integer({ min: 1, max: 200 }) }),
);

export function applyEdits(input: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let bytes = Buffer.from(input);
  for (const e of edits) {
    const at = bytes.length === 0 ? 0 : e.at % (bytes.length + 1);
    if (e.op === 'flip') {
      if (bytes.length > 0) bytes[at % bytes.length] = (bytes[at % bytes.length] as number) ^ (1 << e.bit);
    } else if (e.op === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.bytes), bytes.subarray(at)]);
    else if (e.op === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + e.length)]);
    else {
      const piece = bytes.subarray(at, at + e.length);
      bytes = Buffer.concat([bytes.subarray(0, at), ...Array<Buffer>(e.times).fill(piece), bytes.subarray(at)]);
    }
  }
  return bytes;
}

/** Text pieces that break YAML trees and judgements: odd numbers, anchors, fractions, empty values. */
const TOKENS = ['-1', '0', '1e309', '.nan', '~', '', '[]', '{}', '"', '*a', '&a', '&a [*a]', '1/3', '0/0', '100%', '≥', '-', '?', '!!binary', '0x1F', '1_000', 'null', 'true', '"\\u0000"', '9'.repeat(40), '[[[[[[[[[['];

export type TextEdit = { op: 'token'; at: number; token: string } | { op: 'dropLine'; at: number } | { op: 'dupLine'; at: number } | { op: 'indent'; at: number; by: number };

export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ op: fc.constant('token' as const), at: fc.nat(), token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })) }),
  fc.record({ op: fc.constant('dropLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dupLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

/** A token replaces the value after a colon on some line (or is appended there), lines drop, repeat or shift. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    if (lines.length === 0) break;
    const i = e.at % lines.length;
    const line = lines[i] ?? '';
    if (e.op === 'token') {
      const colon = line.indexOf(':');
      lines[i] = colon >= 0 ? `${line.slice(0, colon + 1)} ${e.token}` : `${line}${e.token}`;
    } else if (e.op === 'dropLine') lines.splice(i, 1);
    else if (e.op === 'dupLine') lines.splice(i, 0, line);
    else lines[i] = e.by >= 0 ? `${' '.repeat(e.by)}${line}` : line.replace(new RegExp(`^ {0,${-e.by}}`), '');
  }
  return lines.join('\n');
}

/** XML snippets that break sheet readers. */
const XML_SNIPPETS = ['<c r="XFE1"><v>1</v></c>', '<c><v>2</v></c>', '&foo;', '<row>', '</row>', '</sheetData>', '<c r="A1" t="s"><v>99999</v></c>', '<mergeCell ref="A1:ZZZZZZ9"/>', '<mergeCell ref="A1:XFD1048576"/>', '<row r="0">', '<row r="99999999">', '<c r="A1" t="inlineStr"><is><t>刘勇</t></is></c>', '<c r="B1" s="999"><v>44895</v></c>', '<![CDATA[x]]>', '<?xml version="1.0"?>', '_x0000_', '<si><t>', '&#0;', '&#x1F600;', '<c r="A1" t="d"><v>not-a-date</v></c>', '<c r="A1" t="b"><v>2</v></c>'];

export type XmlEdit = { part: number; at: number; op: 'insert'; snippet: string } | { part: number; at: number; op: 'cut'; length: number };

export const xmlEdit: fc.Arbitrary<XmlEdit> = fc.oneof(
  fc.record({ part: fc.nat(), at: fc.nat(), op: fc.constant('insert' as const), snippet: fc.constantFrom(...XML_SNIPPETS) }),
  fc.record({ part: fc.nat(), at: fc.nat(), op: fc.constant('cut' as const), length: fc.integer({ min: 1, max: 200 }) }),
);

export function applyXmlEdits(parts: [string, string][], edits: readonly XmlEdit[]): [string, string][] {
  const out = parts.map(([n, x]): [string, string] => [n, x]);
  for (const e of edits) {
    const entry = out[e.part % out.length];
    if (!entry) continue;
    const at = e.at % (entry[1].length + 1);
    entry[1] = e.op === 'insert' ? `${entry[1].slice(0, at)}${e.snippet}${entry[1].slice(at)}` : `${entry[1].slice(0, at)}${entry[1].slice(at + e.length)}`;
  }
  return out;
}
