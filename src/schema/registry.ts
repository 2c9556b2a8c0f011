// The list of registered households (建档名单): only registered persons may be aided.
import type { z } from 'zod';
import { Bad, idNumber, normaliseName, optionalText, type Converter } from './cells.js';
import { rowSchema } from './row-schema.js';
import type { ColumnInfo, FieldSpec, InputKind } from './input-kind.js';

export const REGISTRY_FIELDS: FieldSpec[] = [
  { field: 'seq', aliases: ['序号', '编号'], required: false },
  { field: 'name', aliases: ['姓名', '职工姓名', '困难职工姓名', '户主姓名'], required: true },
  { field: 'id_number', aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码'], required: false },
  { field: 'unit', aliases: ['工作单位', '所在单位', '单位', '单位名称'], required: false },
  { field: 'registered', aliases: ['建档日期', '建档时间', '建档类别', '困难类型', '档案类别'], required: true },
];

export interface RegistryRow {
  name: string;
  idNumber?: string;
  unit?: string;
}

const name: Converter<string> = (text) => normaliseName(text) || new Bad('姓名不能为空');

export function registryRowSchema(_columns: readonly ColumnInfo[]): z.ZodType<RegistryRow> {
  return rowSchema({ name, id_number: idNumber, unit: optionalText }, (r) => ({
    name: r.name,
    ...(r.id_number ? { idNumber: r.id_number } : {}),
    ...(r.unit ? { unit: r.unit } : {}),
  }));
}

export const REGISTRY_KIND: InputKind<RegistryRow> = { kind: 'registry', label: '建档名单', fields: REGISTRY_FIELDS, schemaFor: registryRowSchema };
