// An input kind (花名册, 预算资金表, 单位资金表 …): which header texts mean which field,
// what its rows' sums are checked on, and the zod schema of a row given the columns found.
import type { z } from 'zod';

export interface FieldSpec {
  /** canonical field name */
  field: string;
  /** header texts that mean this field, compared after normalising */
  aliases: string[];
  required: boolean;
  /** what 合计/小计 rows state sums of: amounts (shown to the fen) or whole counts */
  summable?: 'amount' | 'count';
  /** one field of the group is needed, none alone (see io's HeaderSpec) */
  oneOf?: string;
}

/** A column the reader found: its field, its header as written, the unit the header states (万元). */
export interface ColumnInfo {
  field: string;
  header: string;
  unit?: string;
}

export interface InputKind<T> {
  kind: string;
  /** the kind's name in messages, e.g. 花名册 */
  label: string;
  fields: FieldSpec[];
  schemaFor(columns: readonly ColumnInfo[]): z.ZodType<T>;
}
