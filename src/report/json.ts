// JSON for machines: stable key order (objects are built in a fixed order),
// decimals as strings, problems with their codes.
import { writtenFraction } from '../numbers/fraction.js';
import type { ScoredNode, ScoredTree } from '../engine/score.js';
import type { Metric } from '../metrics/metric.js';
import { roundTo, type Decimal } from '../numbers/decimal.js';
import type { Problem } from '../problems/problem.js';
import { countBySeverity } from '../problems/problem.js';
import type { AuditResult } from '../checks/run-checks.js';
import { ratesOf, shownAmount, type Figures, type UnitFigures } from '../checks/unit-figures.js';

const dec = (d: Decimal, places: number) => roundTo(d, places).toFixed(places);
const rate = (d: Decimal) => roundTo(d, 4).toFixed(4);

/** The audit's counts (its findings go into the envelope's problems). */
export function auditSummaryJson(audit: AuditResult): Record<string, unknown> {
  return {
    personTimes: audit.context.records.length,
    persons: audit.identities.persons.length,
    checks: audit.byCheck.map((b) => ({ id: b.check.id, name: b.check.name, rule: b.check.rule, ...(b.notRun ? { notChecked: b.notRun } : {}), ...countsOf(b.findings) })),
    ...countsOf(audit.findings),
  };
}

function countsOf(problems: readonly Problem[]): { errors: number; warnings: number; infos: number } {
  const c = countBySeverity(problems);
  return { errors: c.error, warnings: c.warning, infos: c.info };
}

function nodeJson(n: ScoredNode, places: number): Record<string, unknown> {
  return {
    id: n.node.id,
    name: n.node.name,
    path: n.node.path,
    weight: dec(n.node.weight, places),
    // a weight written as a fraction: the decimal above to the policy's places, and as written
    ...(writtenFraction(n.node.weight) ? { weight_written: writtenFraction(n.node.weight) } : {}),
    ...(n.removed ? { removed: dec(n.removed, places) } : {}),
    score: dec(n.score, places),
    rate: rate(n.rate),
    ...(n.node.target ? { target: n.node.target.text } : {}),
    ...(n.actual !== undefined ? { actual: n.actual } : {}),
    ...(n.pending ? { pending: true } : {}),
    ...(n.node.rule ? { rule: n.node.rule.kind } : {}),
    ...(n.trace !== undefined ? { trace: n.trace } : {}),
    ...(n.reason !== undefined ? { reason: n.reason } : {}),
    ...(n.printed !== undefined ? { printed: dec(n.printed, places) } : {}),
    ...(n.parts ? { parts: n.parts.map((p) => ({ id: p.id, name: p.name, max: dec(p.max, places), score: dec(p.points, places), trace: p.trace })) } : {}),
    ...(n.children ? { children: n.children.map((c) => nodeJson(c, places)) } : {}),
  };
}

export function metricJson(m: Metric): Record<string, unknown> {
  return { name: m.name, label: m.label, kind: m.kind, value: m.value.toString(), source: m.source, provenance: m.provenance, ...(m.derivation ? { derivation: m.derivation } : {}) };
}

export function scoredTreeJson(scored: ScoredTree): Record<string, unknown> {
  const places = scored.tree.rounding.places;
  return {
    title: scored.tree.title,
    total: dec(scored.total, places),
    weight: dec(scored.tree.total, places),
    rate: rate(scored.rate),
    grade: scored.grade,
    // a draft's total and grade are provisional while leaves are 待评
    ...(scored.pending > 0 ? { provisional: true, pending: scored.pending } : {}),
    ...(scored.rescaled ? { rescaled: { raw: dec(scored.rescaled.raw, places), removed: dec(scored.rescaled.removed, places), text: scored.rescaled.text } } : {}),
    ...(scored.gradedOn ? { graded_on: { value: dec(scored.gradedOn.value, places), text: scored.gradedOn.text } } : {}),
    ...(scored.printedTotal !== undefined ? { printed_total: dec(scored.printedTotal, places) } : {}),
    indicators: scored.nodes.map((n) => nodeJson(n, places)),
  };
}

/** Figures as decimal strings in the unit the tables wrote them (amountUnit), absent figures left out. */
function figuresJson(f: Figures, unit: '元' | '万元'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f) as [keyof Figures, Decimal | undefined][]) {
    if (v === undefined) continue;
    out[k] = ['households', 'persons', 'personTimes', 'plannedPersonTimes'].includes(k) ? v.toString() : shownAmount(v, unit);
  }
  const rates = ratesOf(f);
  for (const k of ['arrivalRate', 'executionRate', 'executionRatePlanned'] as const) if (rates[k] !== undefined) out[k] = (rates[k] as Decimal).toDecimalPlaces(6).toString();
  if (rates.balance !== undefined) out.computedBalance = shownAmount(rates.balance, unit);
  return out;
}

export function batchSummaryJson(run: { files: readonly { display: string; tables: number; rows: number; read: boolean; problems: readonly Problem[] }[]; units: readonly UnitFigures[]; records: number; alerts: readonly Problem[] }): Record<string, unknown> {
  return {
    files: run.files.map((f) => ({ file: f.display, read: f.read, tables: f.tables, rows: f.rows, ...countsOf(f.problems) })),
    rows: run.records,
    units: run.units.map((u) => ({
      unit: u.unit,
      ...(u.parent ? { parent: u.parent } : {}),
      amountUnit: u.amountUnit,
      own: figuresJson(u.own, u.amountUnit),
      total: figuresJson(u.total, u.amountUnit),
      ...(u.directToSubUnits ? { directToSubUnits: shownAmount(u.directToSubUnits, u.amountUnit) } : {}),
      details: u.details.map((d) => ({ ...(d.source ? { source: d.source } : {}), ...(d.aidType ? { aidType: d.aidType } : {}), ...(d.year ? { year: d.year } : {}), ...(d.project ? { project: d.project } : {}), figures: figuresJson(d.figures, d.amountUnit) })),
    })),
    alerts: countsOf(run.alerts),
  };
}
