// The number parser and the fen reader at their edges: units, separators, signs,
// anchors of each pattern, and the precision of the private Decimal.
import { describe, expect, it } from 'vitest';
import { Decimal, plain, sum } from '../../src/numbers/decimal.js';
import { plainFen } from '../../src/numbers/fen.js';
import { parseNumber, parseRatio, toHalfWidth } from '../../src/numbers/parse.js';

const read = (t: string | number) => {
  const p = parseNumber(t);
  return p ? [p.value.toString(), p.unit] : undefined;
};

describe('parseNumber: units', () => {
  it.each([
    ['1.5亿元', ['150000000', 'yuan']],
    ['2亿', ['200000000', 'yuan']],
    ['3万', ['30000', 'yuan']],
    ['17.16万元', ['171600', 'yuan']],
    ['15000元', ['15000', 'yuan']],
    ['91.38%', ['0.9138', 'percent']],
    ['(100)', ['-100', 'plain']],
    ['(1.5万元)', ['-15000', 'yuan']],
    ['6,664', ['6664', 'plain']],
    ['1,234,567.89', ['1234567.89', 'plain']],
    ['1,234.5', ['1234.5', 'plain']],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('a JS number keeps its shortest text and is plain', () => {
    expect(read(6664)).toEqual(['6664', 'plain']);
    expect(read(0.1)).toEqual(['0.1', 'plain']);
    expect(read(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('parseNumber: the shape of a number', () => {
  it.each(['+5', '.5', '.55', '5.', '-0.25'])('%s is a number', (text) => {
    expect(read(text)?.[0]).toBe(new Decimal(text === '5.' ? '5' : text).toString());
  });
  it.each(['(100', '100)', '.', '1,23', '1,2345', '17.16万元x', 'x17', '亿', '%', '1.2.3', '--1', '１２a', '1亿5', '2万3', '1元5'])('%s is not', (text) => {
    expect(read(text)).toBeUndefined();
  });
});

describe('toHalfWidth', () => {
  it('folds full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('合\u3000计：１２３．５％')).toBe('合 计:123.5%');
    expect(toHalfWidth('帮扶金额')).toBe('帮扶金额');
  });
});

describe('parseRatio', () => {
  it('takes percents, decimals and numbers', () => {
    expect([parseRatio('91.38%')?.toString(), parseRatio('0.9138')?.toString(), parseRatio(1)?.toString(), parseRatio('合格')]).toEqual(['0.9138', '0.9138', '1', undefined]);
  });
});

describe('the private Decimal', () => {
  it('holds 34 significant digits, in sums too (a province’s amounts to the fen)', () => {
    expect(sum([new Decimal('12345678901234567890123.45'), new Decimal('0.01')]).toFixed(2)).toBe('12345678901234567890123.46');
  });
  it('plain() never writes an exponent', () => {
    expect([plain(new Decimal('1e-7')), plain(new Decimal('1.5')), plain(new Decimal('1e21'))]).toEqual(['0.0000001', '1.5', '1000000000000000000000']);
  });
});

describe('plainFen', () => {
  it.each([
    ['6664', 666400],
    ['-12.5', -1250],
    ['6664.00', 666400],
    ['0.01', 1],
    ['9999999999999', 999999999999900],
  ])('%s is %i fen', (text, fen) => {
    expect(plainFen(text)).toBe(fen);
  });
  it.each(['12.3a', '12.3/', '12./5', '12.a', '12.345', '12.', '1a', '', '-', '.5', '12,3', '99999999999999'])('%s is not a plain amount', (text) => {
    expect(plainFen(text)).toBeUndefined();
  });
});

describe('parseNumber: what each pattern refuses and accepts at its ends', () => {
  it.each<[string, [string, string] | undefined]>([
    ['x12', undefined],
    ['12x', undefined],
    ['abc', undefined],
    ['--5', undefined],
    ['1.2.3', undefined],
    ['万', undefined],
    ['1万x', undefined],
    ['x1万', undefined],
    ['亿元5', undefined],
    ['1亿5', undefined],
    ['1万5', undefined],
    ['1亿元5', undefined],
    ['1万元5', undefined],
    ['.', undefined],
    ['(', undefined],
    ['()', undefined],
    ['+5', ['5', 'plain']],
    ['-5', ['-5', 'plain']],
    ['+5元', ['5', 'yuan']],
    ['-.5', ['-0.5', 'plain']],
    ['.55', ['0.55', 'plain']],
    ['.5%', ['0.005', 'percent']],
    ['1.', ['1', 'plain']],
    ['1.%', ['0.01', 'percent']],
    ['12.', ['12', 'plain']],
    ['1,200', ['1200', 'plain']],
    ['1 000', ['1000', 'plain']],
    [' 12 ', ['12', 'plain']],
    ['１２', ['12', 'plain']],
    ['１２3', ['123', 'plain']],
    ['１２．５％', ['0.125', 'percent']],
    ['　12　', ['12', 'plain']],
    ['(1,200.50)', ['-1200.5', 'plain']],
    ['3亿元', ['300000000', 'yuan']],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('folds only full-width characters', () => {
    expect(toHalfWidth('１２3ａＢ，．％　x')).toBe('123aB,.% x');
    expect(toHalfWidth('刘勇 12')).toBe('刘勇 12');
  });
});
