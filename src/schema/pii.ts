// Personal data is not shown in full unless the user asks (--show-pii): identity and
// bank numbers keep their first 4 and last 4 characters (1404**********1234).
import { maskNumber } from '../problems/problem.js';

const PII_FIELDS = new Set(['id_number', 'bank_account']);

/** A problem's `found` for a cell: masked for ID and bank numbers, with the full text kept apart for --show-pii. */
export function foundOf(field: string, text: string): { found: string; foundFull?: string } {
  return PII_FIELDS.has(field) ? { found: maskNumber(text), foundFull: text } : { found: text };
}
