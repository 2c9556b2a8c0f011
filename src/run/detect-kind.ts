// Which kind of table a file holds, recognised from its headers; --kind forces it.
import type { RawRow } from '../io/raw-table.js';
import type { SheetHead } from '../io/sheet-source.js';
import { tableEvents } from '../io/table-locator.js';
import { normaliseHeader } from '../io/header.js';
import { inputError } from '../problems/problem.js';
import { BUDGET_KIND } from '../schema/budget.js';
import { ROSTER_KIND } from '../schema/roster.js';
import { UNIT_TABLE_KIND } from '../schema/unit-table.js';
import { AUTO_ITEM, surveyKind } from '../schema/survey.js';
import type { FieldSpec, InputKind } from '../schema/input-kind.js';
import { Decimal } from '../numbers/decimal.js';
import { toHalfWidth } from '../numbers/parse.js';
import { withAliases } from './read-table.js';

export type KindName = 'roster' | 'budget' | 'survey' | 'unit-table';

/** Rows of the first sheet that kind recognition looks at. */
export const KIND_SAMPLE_ROWS = 40;

/** A questionnaire whose item columns are found by their headers (问题1, 题2 …), scores 0-100. */
function autoSurveyKind(rows: readonly RawRow[]): InputKind<unknown> | undefined {
  for (const row of rows) {
    const items = row.cells.map((c) => toHalfWidth(c).replace(/\s+/g, '')).filter((c) => AUTO_ITEM.test(c) && /\d/.test(c));
    if (items.length >= 2) return surveyKind({ mode: 'scores', items, max: new Decimal(100) }) as InputKind<unknown>;
  }
  return undefined;
}

function matchedFields(row: RawRow, fields: readonly FieldSpec[]): number {
  const cells = new Set(row.cells.map(normaliseHeader));
  return fields.filter((f) => f.aliases.some((a) => cells.has(normaliseHeader(a)))).length;
}

/** The kind of a file, recognised from the head of its first sheet (or forced). */
export async function kindOfHead(head: SheetHead, display: string, aliases: Readonly<Record<string, string[]>>, forced?: KindName): Promise<InputKind<unknown>> {
  const sample = head.rows;
  const sheetName = head.sheet;
  const merges = head.merges;
  const candidates: InputKind<unknown>[] = [];
  if (!forced || forced === 'roster') candidates.push(ROSTER_KIND as InputKind<unknown>);
  // a fund table with a unit column (单位, 地区) is a unit table (jixiao batch), before a project's budget table
  if (!forced || forced === 'unit-table') candidates.push(UNIT_TABLE_KIND as InputKind<unknown>);
  if (!forced || forced === 'budget') candidates.push(BUDGET_KIND as InputKind<unknown>);
  const survey = autoSurveyKind(sample);
  if ((!forced || forced === 'survey') && survey) candidates.push(survey);
  // the kind whose header is complete wins; else the one matching most fields (≥ 2),
  // so that a roster missing one column is reported as such, not as an unknown file
  let best: { kind: InputKind<unknown>; matched: number } | undefined;
  for (const kind of candidates) {
    const fields = withAliases(kind.fields, aliases);
    const source = { file: display, ...(sheetName ? { sheet: sheetName } : {}), merges, rows: (async function* () { yield sample; })() };
    for await (const events of tableEvents(source, fields, kind.label)) {
      if (events.some((e) => 'type' in e && e.type === 'table')) return kind;
      break;
    }
    const matched = Math.max(0, ...sample.map((row) => matchedFields(row, fields)));
    if (matched >= 2 && (!best || matched > best.matched)) best = { kind, matched };
  }
  if (best) return best.kind;
  if (forced) return ({ roster: ROSTER_KIND, budget: BUDGET_KIND, 'unit-table': UNIT_TABLE_KIND, survey: survey ?? ROSTER_KIND }[forced] ?? ROSTER_KIND) as InputKind<unknown>;
  throw inputError('kind-unknown', '无法从表头识别文件类型（花名册、预算资金表或问卷）', { file: display, ...(sheetName ? { sheet: sheetName } : {}) }, {
    expected: '花名册：姓名、已支付金额、帮扶项目；预算资金表：下达金额、到位金额、支出金额（至少一列）；单位资金表：单位及下达数、支出数、户数等（至少一列）；问卷：问题1、问题2 …',
    // the file is of no known kind: its contents are not quoted (it may be anything the user pointed at)
    found: foundWithoutContents(sample),
    hint: '检查表头，或用 --kind 指定类型',
  });
}

function foundWithoutContents(sample: readonly RawRow[]): string {
  const filled = sample.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) return '空表';
  const cells = filled.reduce((n, r) => n + r.cells.filter((c) => c.trim() !== '').length, 0);
  return `前 ${filled.length} 行共 ${cells} 个非空单元格，其中没有已知的列名`;
}
