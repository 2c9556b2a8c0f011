// All roster checks, in the order their findings are listed.
import type { Problem } from '../problems/problem.js';
import type { RosterRecord } from '../schema/roster.js';
import { amounts } from './amounts.js';
import { approvals } from './approvals.js';
import type { AuditContext, Check, RegistryRecord } from './check.js';
import type { AuditConfig } from '../schema/audit-config.js';
import { idNumbers } from './id-numbers.js';
import { resolveIdentities, type Identities } from './identity.js';
import { registration } from './registration.js';
import { repeats } from './repeats.js';
import { rowRates } from './row-rates.js';
import { timing } from './timing.js';

/**
 * Stated totals are checked while the tables are read (table-records.ts); their
 * findings are handed in and listed under this check.
 */
export const totals: Check = { id: 'totals', name: '合计核对', rule: '合计行、小计行等于明细之和', run: () => [] };

export const CHECKS: readonly Check[] = [idNumbers, amounts, rowRates, totals, approvals, timing, registration, repeats];

export interface CheckOutcome {
  check: Check;
  findings: Problem[];
  /** why the check did not run: its zero findings mean nothing then (未核查) */
  notRun?: string;
}

/** The checks that ran, by name (for the figures that rest on them). */
export function checksRun(audit: AuditResult): { ran: string[]; notRun: string[] } {
  return {
    ran: audit.byCheck.filter((b) => !b.notRun).map((b) => b.check.name),
    notRun: audit.byCheck.filter((b) => b.notRun).map((b) => `${b.check.name}（${b.notRun}）`),
  };
}

export interface AuditResult {
  context: AuditContext;
  identities: Identities;
  findings: Problem[];
  /** per check: its findings (for the summary) */
  byCheck: CheckOutcome[];
}

export function runChecks(
  records: readonly RosterRecord[],
  config: AuditConfig,
  period: readonly number[],
  registry?: readonly RegistryRecord[],
  totalFindings: readonly Problem[] = [],
): AuditResult {
  const identities = resolveIdentities(records, config.county_prefixes);
  const context: AuditContext = { records, identities, config, period, ...(registry ? { registry } : {}) };
  const byCheck = CHECKS.filter((check) => !(config.disable as readonly string[]).includes(check.id)).map((check): CheckOutcome => {
    const notRun = check.cannotRun?.(context);
    if (notRun) return { check, findings: [], notRun };
    return { check, findings: check === totals ? [...totalFindings] : check.run(context) };
  });
  return { context, identities, findings: byCheck.flatMap((b) => b.findings), byCheck };
}
