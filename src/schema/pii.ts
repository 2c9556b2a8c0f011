// Personal data is never shown in full: identity and bank numbers keep their
// first 4 and last 4 characters (1404**********1234).
const PII_FIELDS = new Set(['id_number', 'bank_account']);

export function maskNumber(text: string): string {
  const t = text.trim();
  if (t.length <= 8) return '*'.repeat(t.length);
  return `${t.slice(0, 4)}${'*'.repeat(t.length - 8)}${t.slice(-4)}`;
}

/** The value as it may appear in a message or report. */
export function maskPii(field: string, text: string, show = false): string {
  return !show && PII_FIELDS.has(field) ? maskNumber(text) : text;
}
