// Metrics that rest on the audit: 帮扶资金发放合规率 (payments with no error or
// warning finding ÷ all payments), 按时发放率, 建档人员救助率.
import { checksRun, type AuditResult } from '../checks/run-checks.js';
import { onTime } from '../checks/timing.js';
import { registryMatch } from '../checks/registration.js';
import { Decimal } from '../numbers/decimal.js';
import type { Metric } from './metric.js';
import { rowRanges } from './row-ranges.js';

export function auditMetrics(audit: AuditResult): Metric[] {
  const { records, config, registry } = audit.context;
  if (records.length === 0) return [];
  const files = [...new Set(records.map((r) => r.file))];
  // a rate resting on the audit says which checks it covers: one that could not run found nothing
  const { ran, notRun } = checksRun(audit);
  const covers = `数据核查，已核查：${ran.join('、') || '无'}${notRun.length > 0 ? `；未核查：${notRun.join('；')}` : ''}`;
  // said once, after the last file
  const provenance = files.map((file, i) => ({ file, rows: rowRanges(records.filter((r) => r.file === file).map((r) => r.row)), note: i === files.length - 1 ? covers : '数据核查' }));
  const make = (name: string, label: string, value: Decimal): Metric => ({ name, label, kind: 'ratio', value, source: 'data', provenance });

  const flagged = new Set(audit.findings.filter((f) => f.severity !== 'info').map((f) => `${f.where.file}#${f.where.row}`));
  const compliant = records.filter((r) => !flagged.has(`${r.file}#${r.row}`)).length;
  const metrics = [make('roster.compliance_rate', '帮扶资金发放合规率', new Decimal(compliant).dividedBy(records.length))];

  const timely = onTime(records, config);
  if (timely) metrics.push(make('roster.on_time_rate', '按时发放率', new Decimal(timely.onTime).dividedBy(timely.dated)));

  if (registry && registry.length > 0) {
    const aided = new Set<number>();
    for (const r of records) {
      const hit = registryMatch(r.name, r.idNumber, r.unit, registry, config.county_prefixes);
      if (hit) aided.add(registry.indexOf(hit));
    }
    metrics.push({
      ...make('registration.aid_rate', '困难职工建档人员救助率', new Decimal(aided.size).dividedBy(registry.length)),
      provenance: [...provenance, ...[...new Set(registry.map((g) => g.file))].map((file) => ({ file, note: `建档 ${registry.length} 户，已救助 ${aided.size} 户` }))],
    });
  }
  return metrics;
}
