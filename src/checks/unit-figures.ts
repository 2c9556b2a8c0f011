// The figures of units' fund tables: sums of what was allocated, arrived and spent,
// households and person-times, per unit and per (source, aid type, year, project)
// within it, and rolled up the unit tree; and the rates computed from them. Tables of
// several files join by adding up: an allocation-only table and a use-only table of
// the same unit give one unit with both. A figure no row gives stays absent (not 0).
import { plain, type Decimal, ZERO } from '../numbers/decimal.js';
import { AMOUNT_FIELDS, COUNT_FIELDS, type AmountField, type CountField, type UnitRecord } from '../schema/unit-table.js';

export type FigureField = AmountField | CountField;

/** The figures of a row or a sum of rows; the balance is the one the tables state (ratesOf gives the computed one). */
export type Figures = Partial<Pick<UnitRecord, FigureField>>;

export interface RowRef {
  file: string;
  sheet?: string;
  row: number;
}

/** Where figures come from: their first row (where a finding points), how many rows, the unit their amounts were written in. */
export interface FigureSource {
  first?: RowRef;
  rowCount: number;
  /** 万元 when every row was written in 万元; 元 otherwise (mixed tables are shown in 元) */
  amountUnit: '元' | '万元';
}

export interface DetailGroup extends FigureSource {
  /** every row, for 出处 (a unit's and an aid type's sources keep only the first) */
  rows: RowRef[];
  unit: string;
  source?: string;
  aidType?: string;
  year?: string;
  project?: string;
  figures: Figures;
}

export interface UnitFigures extends FigureSource {
  unit: string;
  parent?: string;
  /** the unit's own figures, the allocation passed straight to sub-units taken out */
  own: Figures;
  /** own plus every sub-unit below it */
  total: Figures;
  /** allocations that reached sub-units straight, not through this unit's books */
  directToSubUnits?: Decimal;
  children: string[];
  details: DetailGroup[];
}

const FIELDS: readonly FigureField[] = [...AMOUNT_FIELDS, ...COUNT_FIELDS];

function add(a: Decimal | undefined, b: Decimal | undefined): Decimal | undefined {
  return a === undefined ? b : b === undefined ? a : a.plus(b);
}

export function addFigures(into: Figures, from: Figures): void {
  for (const f of FIELDS) {
    const v = add(into[f], from[f]);
    // a key holding undefined reads as absent everywhere (rates, JSON, sheets): always assigning is equivalent
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    if (v !== undefined) into[f] = v;
  }
}

function figuresOf(r: UnitRecord): Figures {
  const out: Figures = {};
  // Stryker disable next-line ConditionalExpression: as in addFigures, an undefined key is an absent figure
  for (const f of FIELDS) if (r[f] !== undefined) out[f] = r[f];
  return out;
}

/** a ÷ b, absent when either is absent or b is 0 */
export function ratio(a: Decimal | undefined, b: Decimal | undefined): Decimal | undefined {
  return a === undefined || b === undefined || b.isZero() ? undefined : a.dividedBy(b);
}

/** The rates of a set of figures, by the definitions of DECISIONS.md: neither execution rate falls back to the other. */
export function ratesOf(f: Figures): {
  arrivalRate?: Decimal;
  executionRate?: Decimal;
  executionRatePlanned?: Decimal;
  balance?: Decimal;
  perHousehold?: Decimal;
  perPersonTime?: Decimal;
} {
  const out: ReturnType<typeof ratesOf> = {};
  const set = (k: keyof typeof out, v: Decimal | undefined) => {
    // Stryker disable next-line ConditionalExpression: as in addFigures, an undefined key is an absent rate
    if (v !== undefined) out[k] = v;
  };
  set('arrivalRate', ratio(f.arrived, f.planned));
  set('executionRate', ratio(f.spent, f.arrived));
  set('executionRatePlanned', ratio(f.spent, f.planned));
  set('balance', f.arrived !== undefined && f.spent !== undefined ? f.arrived.minus(f.spent) : undefined);
  set('perHousehold', ratio(f.spent, f.households));
  set('perPersonTime', ratio(f.spent, f.personTimes));
  return out;
}

// (any separator no name contains keeps the keys apart: its text is an equivalent mutant)
// Stryker disable next-line StringLiteral: equivalent, see above
const keyOf = (r: UnitRecord) => [r.unit, r.source ?? '', r.aidType ?? '', r.year ?? '', r.project ?? ''].join('\u0000');

export function refOf(r: UnitRecord): RowRef {
  return r.sheet ? { file: r.file, sheet: r.sheet, row: r.row } : { file: r.file, row: r.row };
}

function mergeUnit(into: FigureSource, r: UnitRecord, ref: RowRef): void {
  into.first ??= ref;
  into.rowCount += 1;
  if (r.amountUnit === '元') into.amountUnit = '元';
}

/**
 * Units in the order they first appear, each with its detail groups, own and rolled-up
 * figures. A unit's parent is its rows' 上级单位 (or the unit row above a nested one).
 */
export function unitFigures(records: readonly UnitRecord[]): UnitFigures[] {
  const units = new Map<string, UnitFigures>();
  const details = new Map<string, DetailGroup>();
  const directRows: UnitRecord[] = [];
  for (const r of records) {
    let u = units.get(r.unit);
    if (!u) {
      u = { unit: r.unit, own: {}, total: {}, children: [], details: [], rowCount: 0, amountUnit: r.amountUnit };
      units.set(r.unit, u);
    }
    if (r.parent && !u.parent && r.parent !== r.unit) u.parent = r.parent;
    const ref = refOf(r);
    mergeUnit(u, r, ref);
    const figures = figuresOf(r);
    addFigures(u.own, figures);
    const key = keyOf(r);
    let d = details.get(key);
    if (!d) {
      d = { unit: r.unit, figures: {}, rows: [], rowCount: 0, amountUnit: r.amountUnit };
      if (r.source) d.source = r.source;
      if (r.aidType) d.aidType = r.aidType;
      if (r.year) d.year = r.year;
      if (r.project) d.project = r.project;
      details.set(key, d);
      u.details.push(d);
    }
    mergeUnit(d, r, ref);
    d.rows.push(ref);
    addFigures(d.figures, figures);
    if (r.direct && r.planned !== undefined) directRows.push(r);
  }
  // a parent named but never listed is a unit of its own (a province above its counties)
  for (const u of [...units.values()]) {
    if (u.parent && !units.has(u.parent)) units.set(u.parent, { unit: u.parent, own: {}, total: {}, children: [], details: [], rowCount: 0, amountUnit: u.amountUnit });
  }
  for (const u of units.values()) if (u.parent) units.get(u.parent)?.children.push(u.unit);
  // money passed straight to a sub-unit is in the parent's 下达数 but never in its books
  for (const r of directRows) {
    const parent = units.get(r.unit)?.parent;
    const p = parent ? units.get(parent) : undefined;
    if (!p || p.own.planned === undefined) continue;
    p.directToSubUnits = (p.directToSubUnits ?? ZERO).plus(r.planned as Decimal);
    p.own.planned = p.own.planned.minus(r.planned as Decimal);
  }
  const done = new Set<string>();
  const roll = (u: UnitFigures, path: Set<string>): Figures => {
    if (done.has(u.unit)) return u.total;
    // a cycle in 上级单位 (A above B above A) is cut where it closes
    if (path.has(u.unit)) return {};
    path.add(u.unit);
    const total: Figures = {};
    addFigures(total, u.own);
    for (const c of u.children) addFigures(total, roll(units.get(c) as UnitFigures, path));
    path.delete(u.unit);
    u.total = total;
    done.add(u.unit);
    return total;
  };
  for (const u of units.values()) roll(u, new Set());
  return [...units.values()];
}

/** The amount as the table wrote it: 万元 tables in 万元, to their own decimals (14.298655), 元 to the fen. */
export function shownAmount(value: Decimal, unit: '元' | '万元'): string {
  return unit === '万元' ? plain(value.dividedBy(10000)) : value.toFixed(2);
}

export const FIGURE_LABEL: Record<FigureField, string> = {
  planned: '下达数',
  arrived: '到位数',
  spent: '支出数',
  balance: '结余',
  households: '户数',
  persons: '人数',
  personTimes: '人次',
  plannedPersonTimes: '计划人次',
};

