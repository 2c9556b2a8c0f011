// Every metric name an evaluation can use, with its meaning and the scopes it comes in:
// what `jixiao metrics` lists, and what a tree author looks names up in.
export interface CatalogEntry {
  name: string;
  label: string;
  meaning: string;
  /** the scopes it is given in, as written in a name */
  scopes: string;
  /** the inputs (evaluation.yaml kinds) it is computed from */
  from: readonly InputName[];
}

export type InputName = 'roster' | 'budget' | 'survey' | 'registry';

const ROSTER_SCOPES = '[帮扶类型]、@年度、[帮扶类型]@年度';
const BUDGET_SCOPES = '@年度、[source=资金来源]、[project=子项目]、[帮扶类型]及其组合（预算表有这些列时）';
const SURVEY_SCOPES = '[问卷名称]（evaluation.yaml 中问卷的 name）';

export const METRIC_CATALOG: readonly CatalogEntry[] = [
  { name: 'roster.paid', label: '已支付金额', meaning: '花名册已支付金额之和', scopes: ROSTER_SCOPES, from: ['roster'] },
  { name: 'roster.approved', label: '帮扶金额', meaning: '花名册核定（审批）的帮扶金额之和', scopes: ROSTER_SCOPES, from: ['roster'] },
  { name: 'roster.execution_rate', label: '发放执行率', meaning: '已支付 ÷ 帮扶金额', scopes: ROSTER_SCOPES, from: ['roster'] },
  { name: 'roster.person_times', label: '帮扶人次', meaning: '发放笔数，每笔一人次', scopes: ROSTER_SCOPES, from: ['roster'] },
  { name: 'roster.persons', label: '帮扶人数', meaning: '不重复的人数（按数据核查的方法认定同一人）', scopes: ROSTER_SCOPES, from: ['roster'] },
  { name: 'roster.launch_rate', label: '帮扶开展率', meaning: '帮扶人次 ÷ 预算表的计划帮扶人次', scopes: '@年度', from: ['roster', 'budget'] },
  { name: 'roster.compliance_rate', label: '帮扶资金发放合规率', meaning: '没有错误或警告的发放笔数 ÷ 全部笔数（数据核查）', scopes: '—', from: ['roster'] },
  { name: 'roster.on_time_rate', label: '按时发放率', meaning: '在规定时间内发放的笔数 ÷ 有发放日期的笔数', scopes: '—', from: ['roster'] },
  { name: 'registration.aid_rate', label: '困难职工建档人员救助率', meaning: '建档名单中已受助的户数 ÷ 建档户数', scopes: '—', from: ['roster', 'registry'] },
  { name: 'budget.planned', label: '计划投入资金', meaning: '预算表的下达（预算）金额之和', scopes: BUDGET_SCOPES, from: ['budget'] },
  { name: 'budget.arrived', label: '实际到位资金', meaning: '预算表的到位金额之和', scopes: BUDGET_SCOPES, from: ['budget'] },
  { name: 'budget.spent', label: '实际支出资金', meaning: '预算表的支出（执行）金额之和', scopes: BUDGET_SCOPES, from: ['budget'] },
  { name: 'budget.balance', label: '结余资金', meaning: '到位 − 支出', scopes: BUDGET_SCOPES, from: ['budget'] },
  { name: 'budget.arrival_rate', label: '资金到位率', meaning: '到位 ÷ 计划', scopes: BUDGET_SCOPES, from: ['budget'] },
  { name: 'budget.execution_rate', label: '预算执行率', meaning: '支出 ÷ 到位（全国通用定义）', scopes: BUDGET_SCOPES, from: ['budget'] },
  { name: 'budget.execution_rate_planned', label: '预算执行率（执行数 ÷ 预算数）', meaning: '支出 ÷ 计划（自评表的定义）', scopes: BUDGET_SCOPES, from: ['budget'] },
  { name: 'budget.planned_person_times', label: '计划帮扶人次', meaning: '预算表的计划帮扶人次之和', scopes: BUDGET_SCOPES, from: ['budget'] },
  { name: 'survey.satisfaction', label: '满意度', meaning: '问卷所得分 ÷ 可得分（空白答案不计）', scopes: SURVEY_SCOPES, from: ['survey'] },
  { name: 'survey.respondents', label: '问卷份数', meaning: '问卷份数（汇总表为作答最多的题的人数）', scopes: SURVEY_SCOPES, from: ['survey'] },
  { name: 'survey.score_total', label: '问卷得分合计', meaning: '问卷所得分之和', scopes: SURVEY_SCOPES, from: ['survey'] },
];

/** The catalog's entry for a metric's base name (budget.spent of budget.spent[source=省财政]@2024). */
export function catalogEntry(base: string): CatalogEntry | undefined {
  return METRIC_CATALOG.find((e) => e.name === base);
}
