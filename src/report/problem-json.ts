// A problem as JSON: its code, message, where (file, sheet, paragraph, row, column, path,
// field), the expected and found values and whom it concerns, personal numbers masked
// unless the user asked (--show-pii). Kept apart from the scored-tree JSON so that the
// envelope, printed by every command, loads nothing of the engine.
import { foundText, maskNumber, type Problem } from '../problems/problem.js';

export function problemJson(p: Problem, showPii = false): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  for (const key of ['file', 'sheet', 'paragraph', 'row', 'column', 'path', 'field'] as const) {
    if (p.where[key] !== undefined) where[key] = p.where[key];
  }
  return {
    severity: p.severity,
    code: p.code,
    message: p.message,
    where,
    ...(p.expected !== undefined ? { expected: p.expected } : {}),
    ...(p.found !== undefined ? { found: foundText(p, showPii) } : {}),
    ...(p.hint !== undefined ? { hint: p.hint } : {}),
    ...(p.person
      ? {
          person: {
            name: p.person.name,
            ...(p.person.unit ? { unit: p.person.unit } : {}),
            ...(p.person.idNumber ? { idNumber: showPii ? p.person.idNumber : maskNumber(p.person.idNumber) } : {}),
          },
        }
      : {}),
  };
}

