// A progress line on stderr for long runs: on a terminal only after a couple of
// seconds (a quick run stays quiet); asked for with --progress, from the start;
// never with --no-progress.
export class Progress {
  private readonly started = Date.now();
  private shown = false;
  private lastDraw = 0;

  constructor(
    private readonly enabled: boolean,
    private readonly label: string,
    /** how long a run goes before the line appears */
    private readonly delayMs = 2000,
  ) {}

  static forStderr(flag: boolean | undefined, label: string): Progress {
    return new Progress(flag ?? Boolean(process.stderr.isTTY), label, flag === true ? 0 : 2000);
  }

  /** Call often; draws at most a few times a second. */
  update(rows: number): void {
    if (!this.enabled || (rows & 0x3fff) !== 0) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.lastDraw < 250) return;
    this.lastDraw = now;
    this.shown = true;
    const rate = Math.round(rows / ((now - this.started) / 1000));
    process.stderr.write(`\r${this.label}：已读 ${rows.toLocaleString('en-US')} 行（${rate.toLocaleString('en-US')} 行/秒）`);
  }

  /** Call after each file of a many-file run: "已读 12 / 1,000 个文件". */
  files(done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || (now - this.lastDraw < 250 && done < total)) return;
    this.lastDraw = now;
    this.shown = true;
    process.stderr.write(`\r${this.label}：已读 ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} 个文件`);
  }

  /**
   * A step after the reading (核查, 写入工作簿) on its own line, once the run has
   * lasted long enough for a progress line: a long run never goes silent.
   */
  stage(text: string): void {
    if (!this.enabled || Date.now() - this.started < this.delayMs) return;
    if (this.shown) process.stderr.write('\n');
    this.shown = false;
    process.stderr.write(`${this.label}：${text}\n`);
  }

  done(): void {
    if (this.shown) process.stderr.write('\n');
    this.shown = false;
  }
}
