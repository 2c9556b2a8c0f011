// Blank answers in a judgements file (as jixiao init writes it) read as not answered;
// what is filled in stays, lists stay as written.
import { describe, expect, it } from 'vitest';
import { withoutBlanks } from '../../src/schema/blanks.js';
import { judgementsWithoutBlanks } from '../../src/schema/judgements.js';

describe('blank values', () => {
  it('are left out recursively, with the maps they empty; lists and falsy answers stay', () => {
    expect(withoutBlanks({ a: null, b: { c: null, d: { e: undefined } }, f: [null, 1], g: false, h: 0, i: '' })).toEqual({ f: [null, 1], g: false, h: 0, i: '' });
    expect(withoutBlanks([{ a: null }])).toEqual([{ a: null }]);
    expect(withoutBlanks('text')).toBe('text');
  });

  it('a judgements file: blank leaves go, partly answered ones keep their answers, a metric without value is not given', () => {
    const raw = {
      evaluator: null,
      judgements: { a: { items: { x: null, y: null }, reason: null }, b: { items: { x: 'met', y: null }, reason: null } },
      metrics: { 'x.given': { value: null, label: '某指标', kind: 'ratio', source: null }, 'x.kept': { value: 0.9, label: '另一指标', source: '访谈' } },
    };
    expect(judgementsWithoutBlanks(raw)).toEqual({ judgements: { b: { items: { x: 'met' } } }, metrics: { 'x.kept': { value: 0.9, label: '另一指标', source: '访谈' } } });
    expect(judgementsWithoutBlanks(null)).toBe(null);
  });
});
