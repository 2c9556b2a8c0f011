// Audit roster files on their own (jixiao audit): read them, find each file's
// year, run the checks.
import { basename } from 'node:path';
import type { RegistryRecord } from '../checks/check.js';
import type { AuditConfig } from '../schema/audit-config.js';
import { runChecks, type AuditResult } from '../checks/run-checks.js';
import type { Problem } from '../problems/problem.js';
import { REGISTRY_KIND } from '../schema/registry.js';
import { ROSTER_KIND, type RosterRecord } from '../schema/roster.js';
import { readFileRecords, type ReadOptions } from './read-table.js';

export interface RosterInput {
  path: string;
  display: string;
}

/** A roster's year: from its table title (表1-1 2020年…), else from its file name. */
export function yearFrom(title: string | undefined, file: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(title ?? '') ?? /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(basename(file));
  return m ? Number(m[1]) : undefined;
}

export interface AuditRun {
  audit: AuditResult;
  /** problems met while reading (rows that could not be read); wrong totals are audit findings */
  readProblems: Problem[];
}

export async function auditRosters(
  rosters: readonly RosterInput[],
  config: AuditConfig,
  period: readonly number[],
  options: ReadOptions,
  registryFile?: RosterInput,
  onRow?: (count: number) => void,
  onStage?: (text: string) => void,
): Promise<AuditRun> {
  const records: RosterRecord[] = [];
  const readProblems: Problem[] = [];
  for (const file of rosters) {
    await readFileRecords(
      file.path,
      file.display,
      ROSTER_KIND,
      options,
      (value, row, table, extra) => {
        const year = yearFrom(table.title, file.display);
        records.push({ ...value, file: file.display, ...(table.sheet ? { sheet: table.sheet } : {}), row, ...(year !== undefined ? { year } : {}), ...(extra ? { extra } : {}) });
        onRow?.(records.length);
      },
      (p) => readProblems.push(p),
    );
  }
  let registry: RegistryRecord[] | undefined;
  if (registryFile) {
    registry = [];
    const list = registry;
    await readFileRecords(registryFile.path, registryFile.display, REGISTRY_KIND, options, (value, row) => list.push({ ...value, file: registryFile.display, row }), (p) => readProblems.push(p));
  }
  const stated = readProblems.filter((p) => p.code === 'total-mismatch');
  onStage?.(`已读 ${records.length.toLocaleString('en-US')} 行，正在核查（身份识别、金额、审批、时限、重复）…`);
  return { audit: runChecks(records, config, period, registry, stated), readProblems: readProblems.filter((p) => p.code !== 'total-mismatch') };
}
