// A zip file read by its central directory (yauzl), so every part can be found
// whatever order the entries were written in, and read as often as needed (the
// merged-range scan reads a sheet beside the row reader). Each part is checked
// against the limits before it is inflated; yauzl checks that the inflated bytes
// match the declared size, so a declared size cannot lie.
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { inputError } from '../problems/problem.js';
import { limitHint, type InputLimits } from './limits.js';

const MB = 1024 * 1024;
/** Parts smaller than this are never zip bombs, however well they compress. */
const RATIO_FROM_BYTES = 4 * MB;

export class ZipArchive {
  private constructor(
    private readonly zip: ZipFile,
    /** entries by lower-cased name: OOXML part names are case-insensitive */
    private readonly entries: Map<string, Entry>,
    private readonly display: string,
    private readonly limits: InputLimits,
  ) {}

  static async open(path: string, display: string, limits: InputLimits): Promise<ZipArchive> {
    const zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, z) => (err || !z ? reject(err ?? new Error('no zip')) : resolve(z))),
    );
    const entries = new Map<string, Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: Entry) => {
          if (entries.size >= limits['xlsx-entries']) {
            reject(inputError('xlsx-limit', `压缩包内的文件数超过上限 ${limits['xlsx-entries']}`, { file: display }, { hint: limitHint('xlsx-entries', limits['xlsx-entries']) }));
            return;
          }
          entries.set(normalisePart(entry.fileName).toLowerCase(), entry);
          zip.readEntry();
        });
        zip.once('end', () => resolve());
        zip.once('error', reject);
        zip.readEntry();
      });
    } catch (e) {
      zip.close();
      throw e;
    }
    return new ZipArchive(zip, entries, display, limits);
  }

  has(part: string): boolean {
    return this.entries.has(normalisePart(part).toLowerCase());
  }

  /** The inflated bytes of a part, as a stream; undefined when the part does not exist. */
  async stream(part: string, maxMb = this.limits['xlsx-part-mb'], limitName: keyof InputLimits = 'xlsx-part-mb'): Promise<Readable | undefined> {
    const entry = this.entries.get(normalisePart(part).toLowerCase());
    if (!entry) return undefined;
    const where = { file: this.display };
    if (entry.isEncrypted()) throw inputError('xlsx-invalid', `压缩包内的 ${part} 已加密，无法读取`, where);
    if (entry.uncompressedSize > maxMb * MB) {
      throw inputError('xlsx-limit', `${part} 解压后 ${Math.ceil(entry.uncompressedSize / MB)} MB，超过上限 ${maxMb} MB`, where, { hint: limitHint(limitName, maxMb) });
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= RATIO_FROM_BYTES && ratio > this.limits['xlsx-ratio']) {
      throw inputError('xlsx-limit', `${part} 的压缩比 ${Math.round(ratio)}:1 超过上限 ${this.limits['xlsx-ratio']}:1（疑似压缩炸弹）`, where, { hint: limitHint('xlsx-ratio', this.limits['xlsx-ratio']) });
    }
    const stream = await new Promise<Readable>((resolve, reject) => this.zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))));
    // Inflating starts before anyone reads (read-ahead), and yauzl reports damaged data by
    // emitting 'error' without destroying the stream: unheard, that crashes the process;
    // heard but not destroyed, a later `for await` waits forever. Destroyed with the error,
    // the stream is marked errored and its reader sees the error whenever it starts.
    stream.on('error', (e) => {
      if (!stream.destroyed) stream.destroy(e);
    });
    return stream;
  }

  /** A small part as text (workbook.xml, relationships, styles), or undefined when absent. */
  async text(part: string, maxMb: number, limitName: keyof InputLimits): Promise<string | undefined> {
    const s = await this.stream(part, maxMb, limitName);
    if (!s) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of s as AsyncIterable<Buffer>) chunks.push(chunk);
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  }

  close(): void {
    this.zip.close();
  }
}

/** A part name as the directory holds it: forward slashes, no leading slash. */
export function normalisePart(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** A relationship target resolved against the part that names it (`xl/workbook.xml` + `worksheets/sheet1.xml`). */
export function resolveTarget(fromPart: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/')) return normalisePart(posix.normalize(t));
  return normalisePart(posix.normalize(posix.join(posix.dirname(fromPart), t)));
}
