// Writes fixtures/audit/: rosters with known planted problems for the audit's
// tests (each listed below with the finding it must produce), a registry of
// registered households, and the audit settings. Identity numbers are made here,
// valid ones with a correct check character (GB 11643). Run after `npm run build`:
//   node scripts/make-audit-fixtures.mjs [output-folder]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? join(import.meta.dirname, '../fixtures/audit');
mkdirSync(dir, { recursive: true });

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid 18-digit number: region 140423, a birth date, a sequence whose last digit gives the sex. */
function id(birth, seq, male) {
  const s = `${seq}`.padStart(3, '0').slice(0, 2) + (male ? '1' : '2');
  const first17 = `140423${birth}${s}`;
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
const broken = (valid) => valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0'); // wrong check character

const LIU_A = id('19700312', 10, true);
const LIU_B = id('19810705', 20, true);
const ids = {
  zhang: broken(id('19680101', 30, true)),
  li: id('19750606', 40, true), // a male sex digit for a woman
  wang: id('20150101', 50, true), // a child's number
  liang: id('19720202', 60, true),
  chen: id('19730303', 70, true),
  zhao: id('19740404', 80, true),
  hao: id('19760606', 11, false),
  shi: id('19770707', 12, false),
  shao: id('19780808', 13, true),
  ren: id('19790909', 14, true),
  han: id('19801010', 15, true),
  liwx: id('19811111', 16, true),
  fu: id('19821212', 17, true),
  hu: id('19690909', 18, true),
};

const lines = (...rows) => rows.join('\r\n') + '\r\n';
const HEADER = '序号,姓名,性别,身份证号码,工作单位,帮扶金额,已支付金额,帮扶项目,发放日期,发放方式,领取人签字,审批';

// 2021: 刘勇 without an ID at the unit spelled 襄垣县弘昇电力有限公司; a unit that looks like a formula;
// a stated total that is wrong (26000 stated, 25000 in the rows)
writeFileSync(
  join(dir, 'roster-2021.csv'),
  lines(
    '表1-1 2021年困难职工帮扶资金汇总表',
    HEADER,
    `1,刘勇,男,,襄垣县弘昇电力有限公司,6000,6000,生活救助,2021-11-20,银行卡,,`,
    `2,胡占华,男,${ids.hu},=1+2,6000,5000,生活救助,2021-11-20,银行卡,,`, // paid-below-approved; the unit must stay text, never a formula
    `3,连峰,男,,襄垣县华成公司,6000,6000,生活救助,2021-11-25,银行卡,,`,
    `4,申俊国,男,,襄垣县陶瓷一厂,6000,6000,生活救助,2021-11-25,银行卡,,`,
    '合计,,,,,24000,26000,,,,,',
  ),
);

// 2022: one planted problem per row (expected finding after the arrow)
const rows2022 = [
    `1,刘勇,男,${LIU_A},襄垣县弘升电力,6000,6000,生活救助,2022-11-20,银行卡,,`, // repeat-person with 2021 (unit variant)
    `2,张慧斌,男,${ids.zhang},供销机械厂,6000,6000,生活救助,2022-11-20,银行卡,,`, // id-invalid
    `3,李慧玲,女,${ids.li},襄垣县创新城乡公交公司,6000,6000,生活救助,2022-11-20,银行卡,,`, // id-sex-mismatch
    `4,王金明,男,${ids.wang},襄矿集团顺达物流有限公司,6000,6000,生活救助,2022-11-20,银行卡,,`, // id-age-implausible
    `5,梁志祥,男,${ids.liang},襄垣县新升塑建厂,6000,7000,生活救助,2022-11-20,银行卡,,`, // paid-above-approved
    `6,陈利平,男,${ids.chen},襄垣县新升塑建厂,6000,5000,生活救助,2022-11-20,银行卡,,`, // paid-below-approved
    `7,赵玉宏,男,${ids.zhao},华宇餐巾纸厂,0,0,生活救助,2022-11-20,银行卡,,`, // amount-not-positive
    `8,郝旭晨,女,${ids.hao},襄垣县泰瑞达供热公司,12000,12000,医疗救助,2022-11-20,银行卡,,`, // approval-missing (市总)
    `9,石莉亚,女,${ids.shi},襄垣供销商场,25000,25000,医疗救助,2022-11-20,银行卡,,长工审〔2022〕3号`, // amount-outside-standard (> 15000)
    `10,史少华,男,${ids.shao},襄垣县红旗商场,6000,6000,生活救助,2022-12-15,银行卡,,`, // paid-late
    `11,任志斌,男,${ids.ren},襄垣县红旗切脱机厂,6000,6000,生活救助,2022-11-20,现金,,`, // cash-without-signature
    `12,韩毓,男,${ids.han},襄垣县恒祥焦化厂,6000,6000,生活救助,2023-01-05,银行卡,,`, // paid-late and paid-outside-period
    `13,李文秀,男,${ids.liwx},襄垣县恒祥焦化厂,6000,6000,生活救助,2022-06-01,银行卡,,`,
    `14,李文秀,男,${ids.liwx},襄垣县恒祥焦化厂,6000,6000,生活救助,2022-11-01,银行卡,,`, // repeat-same-type; 12000 > 9000 standard
    `15,刘勇,男,${LIU_B},供销机械厂,6000,6000,生活救助,2022-11-20,银行卡,,`, // same-name-apart (another 刘勇)
    `16,付会军,男,${ids.fu},土产日杂公司,6000,6000,生活救助,2022-11-20,银行卡,,`, // not-registered
];
const sum = (col) => rows2022.reduce((acc, r) => acc + Number(r.split(',')[col]), 0);
writeFileSync(join(dir, 'roster-2022.csv'), lines('表1-2 2022年困难职工帮扶资金汇总表', HEADER, ...rows2022, `合计,,,,,${sum(5)},${sum(6)},,,,,`));

// registered households: everyone aided except 付会军, plus one registered but not aided
const registered = [
  ['刘勇', LIU_A, '襄垣县弘升电力'],
  ['刘勇', LIU_B, '供销机械厂'],
  ['胡占华', ids.hu, '襄垣县铝制品厂'],
  ['连峰', '', '襄垣华成公司'],
  ['申俊国', '', '襄垣县陶瓷一厂'],
  ['张慧斌', '', '供销机械厂'],
  ['李慧玲', ids.li, '襄垣县创新城乡公交公司'],
  ['王金明', ids.wang, '襄矿集团顺达物流有限公司'],
  ['梁志祥', ids.liang, '襄垣县新升塑建厂'],
  ['陈利平', ids.chen, '襄垣县新升塑建厂'],
  ['赵玉宏', ids.zhao, '华宇餐巾纸厂'],
  ['郝旭晨', ids.hao, '襄垣县泰瑞达供热公司'],
  ['石莉亚', ids.shi, '襄垣供销商场'],
  ['史少华', ids.shao, '襄垣县红旗商场'],
  ['任志斌', ids.ren, '襄垣县红旗切脱机厂'],
  ['韩毓', ids.han, '襄垣县恒祥焦化厂'],
  ['李文秀', ids.liwx, '襄垣县恒祥焦化厂'],
  ['梁卫兵', '', '襄垣色织厂'],
];
writeFileSync(join(dir, 'registry.csv'), lines('序号,姓名,身份证号码,工作单位,困难类型', ...registered.map((r, i) => `${i + 1},${r[0]},${r[1]},${r[2]},深度困难`)));

writeFileSync(
  join(dir, 'audit.yaml'),
  [
    '# 数据核查设置（示例）：长治市 2022 年低保标准按每月 500 元计',
    'county_prefixes: [襄垣县, 襄垣]',
    'dibao_monthly: 500',
    'deadline: "11-30"',
    'standards:',
    '  医疗救助: { max: 15000 }',
    '',
  ].join('\n'),
);
console.log(`wrote fixtures to ${dir}`);
