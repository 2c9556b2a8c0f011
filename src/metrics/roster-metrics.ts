// Metrics from disbursement rosters: money paid and approved, execution rate,
// person-times (one per payment) and distinct persons, overall, per aid type and per year.
import { ZERO, sum, type Decimal } from '../numbers/decimal.js';
import type { RosterRecord } from '../schema/roster.js';
import type { Metric, Provenance } from './metric.js';
import { metricName } from './metric-name.js';
import { rowRanges } from './row-ranges.js';

function provenance(records: readonly RosterRecord[]): Provenance[] {
  const byFile = new Map<string, number[]>();
  for (const r of records) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r.row]);
  return [...byFile.entries()].map(([file, rows]) => ({ file, rows: rowRanges(rows) }));
}

function groupMetrics(records: readonly RosterRecord[], keys: readonly string[], aidType?: string, year?: number): Metric[] {
  const scope = aidType ? { type: aidType } : {};
  const label = `${year !== undefined ? `${year}年` : ''}${aidType ?? ''}`;
  // type × year is the finer cut: listed where used
  const detail = aidType !== undefined && year !== undefined;
  const prov = provenance(records);
  const paid = sum(records.map((r) => r.paid));
  const approved = sum(records.map((r) => r.approved));
  const make = (name: string, lbl: string, kind: Metric['kind'], value: Decimal, unit?: string): Metric => ({
    name: metricName({ base: `roster.${name}`, scope, ...(year !== undefined ? { year } : {}) }),
    label: `${label}${lbl}`,
    kind,
    value,
    ...(unit ? { unit } : {}),
    source: 'data',
    provenance: prov,
    ...(detail ? { detail } : {}),
  });
  const metrics = [
    make('paid', '已支付金额', 'amount', paid),
    make('approved', '帮扶金额', 'amount', approved),
    make('person_times', '帮扶人次', 'count', ZERO.plus(records.length), '人次'),
    make('persons', '帮扶人数', 'count', ZERO.plus(new Set(keys).size), '人'),
  ];
  if (!approved.isZero()) metrics.push(make('execution_rate', '发放执行率', 'ratio', paid.dividedBy(approved)));
  return metrics;
}

/** `personOf` gives each record's person (from the audit's identity resolution). */
export function rosterMetrics(records: readonly RosterRecord[], personOf: readonly number[]): Metric[] {
  if (records.length === 0) return [];
  const keys = personOf.map(String);
  const pick = (pred: (r: RosterRecord) => boolean) => {
    const idx = records.map((r, i) => (pred(r) ? i : -1)).filter((i) => i >= 0);
    return { recs: idx.map((i) => records[i] as RosterRecord), ks: idx.map((i) => keys[i] as string) };
  };
  const metrics = groupMetrics(records, keys);
  const types = [...new Set(records.map((r) => r.aidType))].sort();
  const years = [...new Set(records.map((r) => r.year).filter((y): y is number => y !== undefined))].sort();
  for (const t of types) {
    const { recs, ks } = pick((r) => r.aidType === t);
    metrics.push(...groupMetrics(recs, ks, t));
  }
  for (const y of years) {
    const { recs, ks } = pick((r) => r.year === y);
    metrics.push(...groupMetrics(recs, ks, undefined, y));
  }
  for (const t of types) {
    for (const y of years) {
      const { recs, ks } = pick((r) => r.aidType === t && r.year === y);
      if (recs.length > 0) metrics.push(...groupMetrics(recs, ks, t, y));
    }
  }
  return metrics;
}
