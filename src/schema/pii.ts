// Personal data is never shown in full: identity and bank numbers keep their
// first 4 and last 4 characters (1404**********1234).
import { maskNumber } from '../problems/problem.js';

const PII_FIELDS = new Set(['id_number', 'bank_account']);

/** The value as it may appear in a message or report. */
export function maskPii(field: string, text: string, show = false): string {
  return !show && PII_FIELDS.has(field) ? maskNumber(text) : text;
}
