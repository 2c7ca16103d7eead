// The "Biểu mẫu" tab's state: the fields as typed, whether the year was chosen,
// and what the core makes of them. Pure: no DOM, no Office, no storage.
import { FormParams, defaultFormParams, parseFormParams } from '../core/form';
import { FIRST_EDITION_YEAR, editionOf } from '../core/vocabulary';
import { Message } from '../core/i18n';

export const FIELD_NAMES = ['year', 'rows', 'province', 'body', 'plan', 'unit', 'theme', 'deadline'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export type Fields = Record<FieldName, string>;

export interface FormState {
  fields: Fields;
  /** The "Hình thức tổ chức" block below the table (on unless unticked). */
  activities: boolean;
  /** The year counts elsewhere in the pane only once the user chose it: a fresh default must not relabel last year's returns. */
  yearChosen: boolean;
}

/** Today's defaults: the current reporting season's year (from 1 July, next year's campaign), Sở Y tế. */
export function defaultFields(now: Date): Fields {
  const d = defaultFormParams(now);
  return {
    year: String(d.year),
    rows: String(d.rows),
    province: '',
    body: d.body,
    plan: '',
    unit: '',
    theme: '',
    deadline: '',
  };
}

/** Saved values over the defaults; a saved year counts as chosen. */
export function initialFormState(saved: Partial<Record<string, string>> | undefined, now = new Date()): FormState {
  const d = defaultFields(now);
  const fields = Object.fromEntries(FIELD_NAMES.map((n) => [n, saved?.[n] ?? d[n]])) as Fields;
  return { fields, activities: saved?.activities !== '0', yearChosen: saved?.year !== undefined };
}

export function fieldEdited(s: FormState, name: FieldName, value: string): FormState {
  return { ...s, fields: { ...s.fields, [name]: value }, yearChosen: s.yearChosen || name === 'year' };
}

export function activitiesToggled(s: FormState, on: boolean): FormState {
  return { ...s, activities: on };
}

/** What storage keeps: the fields, and the block as "1"/"0". */
export function savedValues(s: FormState): Record<string, string> {
  return { ...s.fields, activities: s.activities ? '1' : '0' };
}

/** The core's verdict: the parameters, or each wrong field with its message. */
export function validate(s: FormState): { params: FormParams; errors?: undefined } | { params?: undefined; errors: { field: string; message: Message }[] } {
  const res = parseFormParams({ ...s.fields, activities: s.activities });
  return res.ok ? { params: res.params } : { errors: res.problems.map((p) => ({ field: p.field, message: p.message })) };
}

/** Campaign details usable elsewhere in the pane: each field only if the core accepts it. */
export function campaignOf(s: FormState): { year?: number; province?: string; body?: string; plan?: string; deadline?: string } {
  const f = s.fields;
  const res = parseFormParams(f);
  if (res.ok) return { year: s.yearChosen ? res.params.year : undefined, province: res.params.province, body: res.params.body, plan: res.params.plan, deadline: res.params.deadline };
  const bad = new Set(res.problems.map((p) => p.field));
  const y = Number(f.year);
  return {
    year: s.yearChosen && !bad.has('year') && Number.isInteger(y) ? y : undefined,
    province: bad.has('province') || !f.province.trim() ? undefined : f.province.trim(),
    body: bad.has('body') || !f.body.trim() ? undefined : f.body.trim(),
    plan: bad.has('plan') || !f.plan.trim() ? undefined : f.plan.trim(),
    deadline: bad.has('deadline') || !f.deadline.trim() ? undefined : f.deadline.trim(),
  };
}

/** The edition under the year field ("Lần thứ 9"), or undefined for a year the form does not accept. */
export function editionHint(s: FormState): number | undefined {
  const y = Number(s.fields.year);
  return Number.isInteger(y) && y >= FIRST_EDITION_YEAR && y <= 2100 ? editionOf(y) : undefined;
}

/** Whether the "more details" section starts open: when it holds something. */
export const moreOpen = (saved: Partial<Record<string, string>> | undefined): boolean => !!(saved?.theme || saved?.deadline);

/** ASCII words joined by dashes: file names every mail system keeps. */
export function asciiFileName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** "bieu-mau-ctxh-2025-phuong-tam-thanh.xlsx": ASCII, so every mail system keeps it. */
export function formFileName(params: Pick<FormParams, 'year' | 'unit'>): string {
  return `bieu-mau-ctxh-${params.year}${params.unit ? `-${asciiFileName(params.unit)}` : ''}.xlsx`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
