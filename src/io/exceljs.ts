// The one place exceljs is loaded. Before loading it we put our own sax step in
// its module cache: exceljs 4.4.0's parse-sax decodes every compressed-stream chunk
// to text on its own, so a Chinese character split across two chunks becomes
// U+FFFD in the streaming reader (upstream #2063, #2084, #2316, unmerged). Ours
// keeps one streaming TextDecoder per parse. This runs wherever the package is
// installed (a global install included), unlike a postinstall patch.
import Module, { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';

const requireHere = createRequire(import.meta.url);
const exceljsMain = requireHere.resolve('exceljs');
const requireFromExceljs = createRequire(exceljsMain);
const parseSaxPath = requireFromExceljs.resolve('./lib/utils/parse-sax.js');
const { SaxesParser } = createRequire(parseSaxPath)('saxes') as {
  SaxesParser: new () => { on(event: string, fn: (value: unknown) => void): void; write(text: string): void; close(): void };
};

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}

/** Same contract as exceljs's parse-sax: yields batches of sax events per input chunk. */
export async function* parseSax(iterable: AsyncIterable<Uint8Array | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => {
    error = e;
  });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  // old-style streams (exceljs passes some) are upgraded to async iterables
  const old = iterable as unknown as { pipe?: (s: PassThrough) => PassThrough; [Symbol.asyncIterator]?: unknown };
  const source = old.pipe && !old[Symbol.asyncIterator] ? (old.pipe(new PassThrough()) as AsyncIterable<Uint8Array | string>) : iterable;
  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  if (error) throw error;
  if (events.length > 0) yield events;
}

const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
if (!cache[parseSaxPath]) {
  const patched = new Module(parseSaxPath);
  patched.filename = parseSaxPath;
  patched.loaded = true;
  patched.exports = parseSax;
  cache[parseSaxPath] = patched;
}

export const PARSE_SAX_PATH = parseSaxPath;
/** True when exceljs will use our parseSax (false only if exceljs was loaded before this module). */
export const SAX_FIXED = (cache[parseSaxPath] as { exports?: unknown } | undefined)?.exports === parseSax;

const ExcelJS = requireFromExceljs(exceljsMain) as typeof import('exceljs');
export default ExcelJS;
