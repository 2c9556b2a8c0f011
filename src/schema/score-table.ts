// A score table as evaluation reports print it (附件1 / 表3-1 with one column per level,
// 表3-2 with subtotals per level-1 indicator, the per-dimension tables 表4-x): which header
// texts mean which column, and the rows as read, each cell kept as printed so that a
// finding can quote it. `分值` is the weight where no 权重 column is beside it (附件1),
// and the score where one is (表3-2 / 表4-x: 权重 分值 得分率).
import type { FieldSpec } from './input-kind.js';

export const SCORE_TABLE_FIELDS: FieldSpec[] = [
  { field: 'level1', aliases: ['一级指标', '一级'], required: false, oneOf: '指标' },
  { field: 'level2', aliases: ['二级指标', '二级'], required: false, oneOf: '指标' },
  { field: 'level3', aliases: ['三级指标', '三级', '四级指标', '指标名称', '末级指标'], required: false, oneOf: '指标' },
  { field: 'explanation', aliases: ['指标解释', '指标说明'], required: false },
  { field: 'criteria', aliases: ['评分标准', '评分规则', '评分方法'], required: false },
  { field: 'target', aliases: ['目标值', '年度指标值', '指标值', '绩效目标'], required: false },
  { field: 'actual', aliases: ['完成值', '实际完成值', '全年实际值', '实际值'], required: false },
  { field: 'weight', aliases: ['权重', '指标权重', '满分', '权重分'], required: false, oneOf: '分数' },
  { field: 'points', aliases: ['分值'], required: false, oneOf: '分数' },
  { field: 'score', aliases: ['得分', '实际得分', '评价得分', '自评得分', '评分'], required: false, oneOf: '分数' },
  { field: 'rate', aliases: ['得分率'], required: false },
  { field: 'ruleType', aliases: ['指标类型', '指标性质', '规则类型', '计分方式'], required: false },
  { field: 'deviation', aliases: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因', '偏差原因及改进措施', '未完成原因分析', '未完成原因及改进措施'], required: false },
];

/**
 * The funds block above a self-evaluation form's indicators (项目资金 | 年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分): found by its two budget columns. 年初预算数 is not the
 * 全年预算数 the rate divides by, so it has no field.
 */
export const FUNDS_FIELDS: Record<'planned' | 'spent' | 'points' | 'rate' | 'score', readonly string[]> = {
  planned: ['全年预算数', '预算数', '全年预算'],
  spent: ['全年执行数', '执行数', '全年执行'],
  points: ['分值'],
  rate: ['执行率', '预算执行率'],
  score: ['得分'],
};

/** The level columns, from level 1 down. */
export const LEVEL_FIELDS = ['level1', 'level2', 'level3'] as const;

/** One cell as printed, where it is. */
export interface PrintedCell {
  text: string;
  /** the column's header as printed */
  header: string;
  /** 1-based column number */
  column: number;
}

export interface PrintedRow {
  row: number;
  /** every cell of the row as printed (for the review workbook's copy of the table) */
  cells: string[];
  /**
   * an indicator; a 小计 of the level-1 indicator it sits in; the 合计 (总分) of the table; the
   * printed grade; a line of a self-evaluation form's funds block (年度资金总额, 其中：…); a row
   * copied for context only (the funds block's header, 年度总体目标)
   */
  kind: 'item' | 'subtotal' | 'total' | 'grade' | 'funds' | 'note';
  /** names per level column present, as printed (a blank cell under a name is that name again) */
  levels: string[];
  target?: PrintedCell;
  actual?: PrintedCell;
  weight?: PrintedCell;
  score?: PrintedCell;
  rate?: PrintedCell;
  criteria?: PrintedCell;
  /** 指标类型: 定量 / 定性 (an indicator sheet's, for import) */
  ruleType?: PrintedCell;
  explanation?: PrintedCell;
  /** the grade as printed, on a grade row (评价等级 良) */
  grade?: PrintedCell;
  /** 偏差原因分析及改进措施 (self-evaluation form) */
  deviation?: PrintedCell;
  /** on a funds line: 全年预算数 and 全年执行数 (分值, 执行率, 得分 are weight, rate, score) */
  planned?: PrintedCell;
  spent?: PrintedCell;
  /** the header the row reads under where it is not the table's (the funds block's) */
  header?: string[];
  /** the sheet the row comes from where it is not the table's (a funds block printed as a table of its own) */
  sheet?: string;
}

export interface PrintedTable {
  file: string;
  sheet?: string;
  title?: string;
  /** the level columns' headers, from level 1 down */
  levelHeaders: string[];
  /** the 1-based column of each field the header was read as (deviation: a self-evaluation form) */
  columns: Partial<Record<string, number>>;
  /** the header cells as printed, one per column */
  header: string[];
  /** the header's row number(s) */
  headerRows: number[];
  rows: PrintedRow[];
}
