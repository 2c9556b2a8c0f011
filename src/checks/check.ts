// The contract of every roster check: a stable id, the rule in words, and a
// function from the records to findings (Problems with where and whom).
import { problem, type Problem, type Severity } from '../problems/problem.js';
import type { RosterRecord } from '../schema/roster.js';
import type { AuditConfig } from '../schema/audit-config.js';
import type { Identities } from './identity.js';

export interface RegistryRecord {
  file: string;
  row: number;
  name: string;
  idNumber?: string;
  unit?: string;
}

export interface AuditContext {
  records: readonly RosterRecord[];
  identities: Identities;
  config: AuditConfig;
  /** the evaluated years, when known */
  period: readonly number[];
  /** the registered households (建档名单), when given */
  registry?: readonly RegistryRecord[];
}

export interface Check {
  /** stable, for --config disable and JSON */
  id: string;
  /** what users read in sheets and text: 重复受助, 审批层级 … */
  name: string;
  /** the rule in words, for the summary sheet */
  rule: string;
  /** why the check cannot run on these data (a column no record fills, no registry), if it cannot */
  cannotRun?(ctx: AuditContext): string | undefined;
  run(ctx: AuditContext): Problem[];
}

/** A finding about one payment row. */
export function rowFinding(
  severity: Severity,
  code: string,
  message: string,
  r: RosterRecord,
  extra: Pick<Problem, 'expected' | 'found' | 'foundFull' | 'hint'> = {},
): Problem {
  return {
    ...problem(severity, code, message, { file: r.file, ...(r.sheet ? { sheet: r.sheet } : {}), row: r.row }, extra),
    person: { name: r.name, ...(r.unit ? { unit: r.unit } : {}), ...(r.idNumber ? { idNumber: r.idNumber } : {}) },
  };
}

/** The year a payment belongs to: the roster's year, else its payment date's. */
export function yearOf(r: RosterRecord): number | undefined {
  return r.year ?? (r.date ? Number(r.date.slice(0, 4)) : undefined);
}
