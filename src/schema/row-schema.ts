// One zod schema per input kind, built from cell converters: every cell arrives
// as text (or is absent), each converter checks and converts its own, and the
// problems land on the column they concern.
import { z } from 'zod';
import { Bad, type Converter } from './cells.js';

type Values<S> = { [K in keyof S]: S[K] extends Converter<infer T> ? T : never };

export function rowSchema<S extends Record<string, Converter<unknown>>, R>(converters: S, build: (values: Values<S>) => R): z.ZodType<R> {
  const keys = Object.keys(converters) as (keyof S & string)[];
  // a field whose column the table lacks converts the same every row: once, here
  const absent: Record<string, unknown> = {};
  for (const key of keys) absent[key] = (converters[key] as Converter<unknown>)('');
  // Rows arrive as objects of cell texts by construction (rowObject); checking that
  // shape again per row would cost more than the conversions themselves.
  return z.custom<Record<string, string | undefined>>((raw) => typeof raw === 'object' && raw !== null, { message: '不是表格行' }).transform((raw, ctx) => {
    const values: Record<string, unknown> = {};
    let bad = false;
    for (const key of keys) {
      const text = raw[key];
      const v = text === undefined ? absent[key] : (converters[key] as Converter<unknown>)(text);
      if (v instanceof Bad) {
        ctx.addIssue({ code: 'custom', message: v.message, path: [key] });
        bad = true;
      } else values[key] = v;
    }
    return bad ? z.NEVER : build(values as Values<S>);
  }) as unknown as z.ZodType<R>;
}
