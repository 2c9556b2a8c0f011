// Collects problems from a long run: all are counted, but only the first few of
// each code are kept, so a million bad rows cannot fill memory or the screen.
import type { Problem, Severity } from './problem.js';

export class ProblemSink {
  private readonly kept: Problem[] = [];
  private readonly perCode = new Map<string, number>();
  private readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

  constructor(private readonly keepPerCode = 100) {}

  add(...problems: Problem[]): void {
    for (const p of problems) {
      this.counts[p.severity] += 1;
      const n = (this.perCode.get(p.code) ?? 0) + 1;
      this.perCode.set(p.code, n);
      if (n <= this.keepPerCode) this.kept.push(p);
    }
  }

  get problems(): readonly Problem[] {
    return this.kept;
  }

  get total(): number {
    return this.counts.error + this.counts.warning + this.counts.info;
  }

  /** counts of every problem seen, kept or not */
  get severityCounts(): Record<Severity, number> {
    return { ...this.counts };
  }

  /** codes with more problems than were kept: code → how many were left out */
  get omitted(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [code, n] of this.perCode) if (n > this.keepPerCode) out.set(code, n - this.keepPerCode);
    return out;
  }

  hasErrors(): boolean {
    return this.counts.error > 0;
  }
}
