// Metrics the evaluation defines from other metrics (evaluation.yaml derived:),
// each keeping its formula and its inputs' sources. A derived metric may use
// another; a cycle or a missing input leaves it out with a finding saying why.
import { problem, type Problem } from '../problems/problem.js';
import { formatMetricValue, type Metric, type MetricKind, type Provenance } from './metric.js';
import { evaluateFormula, FormulaError, formulaWithValues, type Formula } from './formula.js';
import { whyMissing } from './metric-name.js';

export interface DerivedSpec {
  label: string;
  formula: Formula;
  kind: MetricKind;
  unit?: string;
}

export function derivedMetrics(specs: ReadonlyMap<string, DerivedSpec>, base: ReadonlyMap<string, Metric>, configFile: string): { metrics: Metric[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const done = new Map<string, Metric | null>();
  const visiting: string[] = [];
  const where = (name: string) => ({ file: configFile, field: `derived.${name}` });

  const build = (name: string): Metric | null => {
    const known = done.get(name);
    if (known !== undefined) return known;
    const spec = specs.get(name) as DerivedSpec;
    if (visiting.includes(name)) {
      problems.push(problem('error', 'derived-cycle', `派生指标 ${[...visiting.slice(visiting.indexOf(name)), name].join(' → ')} 互相引用，无法计算`, where(name)));
      return null;
    }
    visiting.push(name);
    const inputs = new Map<string, Metric>();
    let missing: string | undefined;
    for (const ref of spec.formula.refs) {
      const m = base.get(ref) ?? (specs.has(ref) ? build(ref) : undefined);
      if (m) inputs.set(ref, m);
      else if (missing === undefined) missing = ref;
    }
    visiting.pop();
    let result: Metric | null = null;
    if (missing !== undefined) {
      if (!specs.has(missing)) {
        problems.push(problem('warning', 'derived-input-missing', `派生指标 ${name}（${spec.label}）缺少指标数据 ${missing}，未计算`, where(name), { hint: whyMissing(missing, [...base.keys(), ...specs.keys()]) }));
      }
    } else {
      try {
        const value = evaluateFormula(spec.formula, (ref) => inputs.get(ref)?.value);
        const shown = (ref: string) => {
          const m = inputs.get(ref) as Metric;
          return formatMetricValue(m.kind, m.value, m.unit);
        };
        const provenance: Provenance[] = [{ file: configFile, note: `公式 ${spec.formula.text}` }];
        for (const m of inputs.values()) {
          // an input's own sources, each once
          for (const p of m.provenance) if (!provenance.some((q) => q.file === p.file && q.rows === p.rows && q.note === p.note)) provenance.push(p);
        }
        result = {
          name,
          label: spec.label,
          kind: spec.kind,
          value,
          ...(spec.unit ? { unit: spec.unit } : {}),
          source: [...inputs.values()].every((m) => m.source === 'data') ? 'data' : 'judgement',
          provenance,
          inputs: [...inputs.keys()],
          derivation: `${spec.formula.text} = ${formulaWithValues(spec.formula, shown)} = ${formatMetricValue(spec.kind, value, spec.unit)}`,
        };
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        problems.push(problem('warning', 'derived-not-computed', `派生指标 ${name}（${spec.label}）无法计算：${e.message}`, where(name)));
      }
    }
    done.set(name, result);
    return result;
  };

  const metrics: Metric[] = [];
  for (const name of specs.keys()) {
    const m = build(name);
    if (m) metrics.push(m);
  }
  return { metrics, problems };
}
