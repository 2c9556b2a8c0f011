import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/numbers/parse.js';
import { parseTarget } from '../../src/schema/target.js';
import { contains, parseInterval } from '../../src/engine/interval.js';
import { Decimal } from '../../src/numbers/decimal.js';

const v = (t: string) => parseNumber(t)?.value.toString();

describe('parseNumber', () => {
  it('reads numbers as Chinese tables write them', () => {
    expect(v('6,664')).toBe('6664');
    expect(v('17.16万元')).toBe('171600');
    expect(v('17.16万')).toBe('171600');
    expect(v('91.38%')).toBe('0.9138');
    expect(v('１２３．５')).toBe('123.5');
    expect(v('(1,200)')).toBe('-1200');
    expect(v('15000元')).toBe('15000');
    expect(v(' 7 000 ')).toBe('7000');
    expect(parseNumber('91.38%')?.unit).toBe('percent');
  });
  it('refuses what is not a number', () => {
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('合计')).toBeUndefined();
    expect(parseNumber('1,2,3')).toBeUndefined();
    expect(parseNumber(Number.NaN)).toBeUndefined();
  });
});

describe('parseNumber on many rows', () => {
  it('gives every plain number its exact value, repeated or not, past the cache size', () => {
    // 10,000 different amounts (more than the cache holds), each read twice, interleaved
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 10_000; i += 1) {
        const text = `${i}.${String(i % 100).padStart(2, '0')}`;
        const parsed = parseNumber(text);
        expect(parsed?.unit).toBe('plain');
        expect(parsed?.value.toFixed(2)).toBe(text);
      }
    }
    expect(parseNumber('6664')?.value.equals(new Decimal(6664))).toBe(true);
    // the shared result cannot be changed by a caller
    expect(Object.isFrozen(parseNumber('6664'))).toBe(true);
  });
});

describe('parseTarget', () => {
  it('splits direction, value and unit', () => {
    const t = (s: string) => {
      const p = parseTarget(s);
      return [p.direction, p.value?.toString(), p.unit, p.qualitative];
    };
    expect(t('≥45户')).toEqual(['>=', '45', '户', false]);
    expect(t('≥98%')).toEqual(['>=', '0.98', '%', false]);
    expect(t('<=5300元/户')).toEqual(['<=', '5300', '元/户', false]);
    expect(t('=8个')).toEqual(['=', '8', '个', false]);
    expect(t('15000元')).toEqual([undefined, '15000', '元', false]);
    expect(t('17.16万元')).toEqual([undefined, '171600', '元', false]);
    expect(t('符合条件及时救助')).toEqual([undefined, undefined, undefined, true]);
  });
});

describe('parseInterval', () => {
  const inside = (i: string, x: string) => contains(parseInterval(i)!, new Decimal(x));
  it('honours inclusive and exclusive edges', () => {
    expect(inside('[90%,100%)', '0.9')).toBe(true);
    expect(inside('[90%,100%)', '1')).toBe(false);
    expect(inside('(70%,90%]', '0.7')).toBe(false);
    expect(inside('(70%,90%]', '0.9')).toBe(true);
    expect(inside('≥100%', '1')).toBe(true);
    expect(inside('<70%', '0.7')).toBe(false);
    expect(inside('=100%', '1')).toBe(true);
    expect(inside('=100%', '0.9999')).toBe(false);
  });
  it('refuses what it cannot read', () => {
    expect(parseInterval('90%-100%')).toBeUndefined();
    expect(parseInterval('[100%,90%)')).toBeUndefined();
  });
});
