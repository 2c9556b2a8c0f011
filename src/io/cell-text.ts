// One function that turns any exceljs cell value into the text a person sees:
// rich text, formulas (their cached result), hyperlinks, dates, errors.
import type { CellValue } from 'exceljs';

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      return result === undefined || result === null ? '' : cellText(result as CellValue);
    }
    if ('text' in value && 'hyperlink' in value) return cellText(value.text as CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
