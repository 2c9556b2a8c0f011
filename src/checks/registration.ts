// Registration (先建档、后帮扶): with a list of registered households, every aided
// person must be on it; registered persons not aided give the 建档人员救助率 metric.
import { normaliseName } from '../schema/cells.js';
import type { Problem } from '../problems/problem.js';
import type { Check, RegistryRecord } from './check.js';
import { rowFinding } from './check.js';
import { normaliseUnit, unitLikeness } from './unit-name.js';

/** The registry entry a payment's person is on: by ID, else by name and a unit alike. */
export function registryMatch(name: string, idNumber: string | undefined, unit: string | undefined, registry: readonly RegistryRecord[], prefixes: readonly string[]): RegistryRecord | undefined {
  if (idNumber) {
    const byId = registry.find((g) => g.idNumber === idNumber);
    if (byId) return byId;
  }
  const n = normaliseName(name);
  const u = normaliseUnit(unit, prefixes);
  return registry.find((g) => normaliseName(g.name) === n && (!idNumber || !g.idNumber) && unitLikeness(normaliseUnit(g.unit, prefixes), u, g.unit, unit) !== 'different');
}

export const registration: Check = {
  id: 'registration',
  name: '建档在册',
  rule: '先建档、后帮扶：受助人员须在建档名单中',
  cannotRun: ({ registry }) => (registry ? undefined : '未提供建档名单'),
  run({ records, registry, config }) {
    if (!registry) return [];
    const out: Problem[] = [];
    for (const r of records) {
      if (!registryMatch(r.name, r.idNumber, r.unit, registry, config.county_prefixes)) {
        out.push(rowFinding('error', 'not-registered', '受助人员不在建档名单中', r, { hint: '核实是否已建档；未建档的不应帮扶' }));
      }
    }
    return out;
  },
};
