// The standard reporting form (seed 001, attached to Hải Phòng plan 45/KH-SLĐTBXH),
// described once as data and turned into a sheet plan.
import { z } from 'zod';
import { reportingSeasonYear } from './season';
import { DOCUMENT_FONT, DOCUMENT_STYLES, NUMBER_INDENT, a4Print } from './document-style';
import { CellStyle, PlanCell, SheetPlan, WholeNumberRule, fitWrappedRows } from './plan';
import { Rect, cellAddress, columnLetter } from './a1';
import { Catalogue, Message } from './i18n';
import { MEASURE_INFO, Measure, YEAR_RANGE, editionOf } from './vocabulary';
import { ACTIVITY_STYLES, ACTIVITY_TYPES, activityBlock } from './activities';

// For the task pane's form tab until it imports it from vocabulary.ts.

/** Labels the reader looks for to find a returned form, whatever its layout. */
export const FORM_LABELS = {
  unitHeading: 'ĐƠN VỊ BÁO CÁO',
  title: 'BIỂU TỔNG HỢP',
  total: 'Tổng',
  moneyUnit: 'Đơn vị tính: đồng',
  signer: 'THỦ TRƯỞNG ĐƠN VỊ',
  signNote: '(Ký tên, đóng dấu)',
  breakdown: 'Trong đó',
} as const;

export type FormColumnKey = 'tt' | Measure;

export interface FormColumn {
  key: FormColumnKey;
  /** The label of the column-number row, exactly as on the standard form. */
  number: string;
  header: string;
  /** Headed by "Trong đó" (merged over columns 4 and 5). */
  underBreakdown: boolean;
  width: number;
  kind: 'index' | 'count' | 'money';
  /** Column 3 = 4 + 5: computed, never typed. */
  derived: boolean;
  label: Message;
}

/** Column 1 is the row number; columns 2–5 are the measures, headed by their labels. */
const measureColumn = (key: Measure, width: number): FormColumn => ({
  key,
  number: MEASURE_INFO[key].formNumber,
  header: MEASURE_INFO[key].label.vi,
  underBreakdown: key === 'budget' || key === 'otherFunding',
  width,
  kind: MEASURE_INFO[key].kind,
  derived: key === 'totalFunding',
  label: MEASURE_INFO[key].label,
});

export const FORM_COLUMNS: readonly FormColumn[] = [
  { key: 'tt', number: '1', header: 'TT', underBreakdown: false, width: 7, kind: 'index', derived: false, label: { vi: 'TT', en: 'No.' } },
  measureColumn('participants', 16),
  measureColumn('totalFunding', 21),
  measureColumn('budget', 19),
  measureColumn('otherFunding', 17),
];

export const FORM_COLUMN_NUMBERS = FORM_COLUMNS.map((c) => c.number);

/** 1-based column of a form column on the standard layout. */
export const formColumn = (key: FormColumnKey): number => FORM_COLUMNS.findIndex((c) => c.key === key) + 1;

/** Defined names written into the form so a reader can find its parts after rows move. */
export const FORM_NAMES = {
  unit: 'CTXH_DonVi',
  columnNumbers: 'CTXH_SoCot',
  data: 'CTXH_DuLieu',
  total: 'CTXH_Tong',
} as const;

/** The form attached to Hải Phòng plan 45/KH-SLĐTBXH, 2023 (the standard form's own example): reproducible with these options. */
export const HAI_PHONG_2023_FORM = {
  year: 2023,
  province: 'Hải Phòng',
  body: 'Sở Lao động - Thương binh và Xã hội',
  plan: 'Kế hoạch số 45/KH-SLĐTBXH ngày 22/3/2023',
  rows: 10,
} as const;

/** @deprecated The Hải Phòng 2023 parameters under their old name; today's defaults are `defaultFormParams()`. */
export const DEFAULT_FORM_PARAMS = HAI_PHONG_2023_FORM;

/** Dots to fill in by hand, as on a printed form. */
export const BLANK_FIELD = '……………';

/**
 * Today's defaults: the current reporting season's campaign (before 1 July this year, from 1 July the next),
 * issued by the Department of Health (social protection since 1/3/2025); the plan's number and the province
 * left as dots to fill in.
 */
export function defaultFormParams(now: Date = new Date()) {
  const year = reportingSeasonYear(now);
  return { year, province: BLANK_FIELD, body: 'Sở Y tế', plan: `Kế hoạch số ……/KH-SYT ngày ……/……/${year}`, rows: 10 } as const;
}

const text = (max: number, key: string) =>
  z
    .string({ error: `${key}.required` })
    .trim()
    .min(1, { error: `${key}.required` })
    .max(max, { error: `${key}.tooLong` })
    .refine((s) => !/^[=+\-@]/.test(s), { error: `${key}.formula` });

/** Whether "d/m/yyyy" is a day of the calendar; other shapes are the format check's business. */
function isCalendarDate(s: string): boolean {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return true;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const FormParamsSchema = z.object({
  year: z.coerce
    .number({ error: 'year.invalid' })
    .int({ error: 'year.invalid' })
    .min(YEAR_RANGE.min, { error: 'year.range' })
    .max(YEAR_RANGE.max, { error: 'year.range' }),
  province: text(60, 'province'),
  body: text(120, 'body'),
  plan: text(160, 'plan'),
  theme: text(200, 'theme').optional(),
  deadline: z
    .string()
    .trim()
    .regex(/^(0?[1-9]|[12]\d|3[01])\/(0?[1-9]|1[0-2])\/\d{4}$/, { error: 'deadline.format' })
    // "31/2/2025" has the shape but is no day of the calendar.
    .refine(isCalendarDate, { error: 'deadline.noSuchDay' })
    .optional(),
  unit: text(160, 'unit').optional(),
  rows: z.coerce.number({ error: 'rows.invalid' }).int({ error: 'rows.invalid' }).min(1, { error: 'rows.range' }).max(500, { error: 'rows.range' }),
  /** The "Hình thức tổ chức" block below the figures table: on unless asked otherwise (the results table is built from it). */
  activities: z.boolean().default(true),
});

export type FormParams = z.infer<typeof FormParamsSchema>;
export type FormParamsInput = z.input<typeof FormParamsSchema>;

const NOT_A_FORMULA: Message = {
  vi: 'Không được bắt đầu bằng dấu =, +, - hoặc @ (Excel sẽ hiểu nhầm là công thức).',
  en: 'Must not start with =, +, - or @ (Excel would take it for a formula).',
};

/** What is wrong with a form parameter, by the code the schema reports. */
export const PARAM_MESSAGES = {
  'year.invalid': { vi: 'Năm phải là một số nguyên, ví dụ 2025.', en: 'The year must be a whole number, e.g. 2025.' },
  'year.range': {
    vi: `Năm phải từ ${YEAR_RANGE.min} (lần thứ nhất) đến ${YEAR_RANGE.max}.`,
    en: `The year must be between ${YEAR_RANGE.min} (the first edition) and ${YEAR_RANGE.max}.`,
  },
  'province.required': { vi: 'Chưa nhập tỉnh/thành phố.', en: 'The province or city is missing.' },
  'province.tooLong': { vi: 'Tên tỉnh/thành phố quá dài (tối đa 60 ký tự).', en: 'The province name is too long (60 characters at most).' },
  'body.required': { vi: 'Chưa nhập cơ quan ban hành kế hoạch.', en: 'The issuing body is missing.' },
  'body.tooLong': { vi: 'Tên cơ quan ban hành quá dài (tối đa 120 ký tự).', en: 'The issuing body is too long (120 characters at most).' },
  'plan.required': { vi: 'Chưa nhập số, ngày của kế hoạch/công văn.', en: 'The plan reference is missing.' },
  'plan.tooLong': { vi: 'Số hiệu kế hoạch quá dài (tối đa 160 ký tự).', en: 'The plan reference is too long (160 characters at most).' },
  'theme.required': { vi: 'Chủ đề để trống: bỏ trường này nếu không có chủ đề.', en: 'The theme is empty: leave it out if there is none.' },
  'theme.tooLong': { vi: 'Chủ đề quá dài (tối đa 200 ký tự).', en: 'The theme is too long (200 characters at most).' },
  'deadline.format': { vi: 'Hạn báo cáo phải có dạng ngày/tháng/năm, ví dụ 10/4/2025.', en: 'The deadline must be day/month/year, e.g. 10/4/2025.' },
  'deadline.noSuchDay': { vi: 'Hạn báo cáo không phải ngày có thật (tháng đó không có ngày này).', en: 'The deadline is not a real day (that month has no such day).' },
  'unit.required': { vi: 'Tên đơn vị để trống: bỏ trường này để đơn vị tự ghi.', en: 'The unit name is empty: leave it out for the unit to fill in.' },
  'unit.tooLong': { vi: 'Tên đơn vị quá dài (tối đa 160 ký tự).', en: 'The unit name is too long (160 characters at most).' },
  'rows.invalid': { vi: 'Số dòng phải là một số nguyên.', en: 'The number of rows must be a whole number.' },
  'rows.range': { vi: 'Số dòng phải từ 1 đến 500.', en: 'The number of rows must be between 1 and 500.' },
  'province.formula': NOT_A_FORMULA,
  'body.formula': NOT_A_FORMULA,
  'plan.formula': NOT_A_FORMULA,
  'theme.formula': NOT_A_FORMULA,
  'unit.formula': NOT_A_FORMULA,
} satisfies Catalogue;
export type ParamCode = keyof typeof PARAM_MESSAGES;

const FIELD_LABELS: Record<string, Message> = {
  year: { vi: 'Năm', en: 'Year' },
  province: { vi: 'Tỉnh/thành phố', en: 'Province' },
  body: { vi: 'Cơ quan ban hành', en: 'Issuing body' },
  plan: { vi: 'Kế hoạch số', en: 'Plan reference' },
  theme: { vi: 'Chủ đề', en: 'Theme' },
  deadline: { vi: 'Hạn báo cáo', en: 'Deadline' },
  unit: { vi: 'Tên đơn vị', en: 'Unit name' },
  rows: { vi: 'Số dòng', en: 'Rows' },
};

export interface ParamProblem {
  field: string;
  label: Message;
  message: Message;
}

export type ParamsResult = { ok: true; params: FormParams } | { ok: false; problems: ParamProblem[] };

/** Validates form parameters; empty optional strings count as absent. */
export function parseFormParams(input: Record<string, unknown>): ParamsResult {
  const cleaned: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '' && !['province', 'body', 'plan', 'year', 'rows'].includes(k))) cleaned[k] = v;
  const res = FormParamsSchema.safeParse(cleaned);
  if (res.success) return { ok: true, params: res.data };
  return {
    ok: false,
    problems: res.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const fallback = { vi: `Giá trị không hợp lệ.`, en: `Invalid value.` };
      return { field, label: FIELD_LABELS[field] ?? { vi: field, en: field }, message: PARAM_MESSAGES[issue.message as ParamCode] ?? fallback };
    }),
  };
}

/** Row numbers of each part of a form with the given number of data rows, with or without the activities block. */
export function formLayout(rows: number, activities = true) {
  const header1 = 10;
  const firstData = header1 + 3;
  const lastData = firstData + rows - 1;
  const total = lastData + 1;
  const activitiesTitle = activities ? total + 2 : undefined;
  const activitiesLast = activitiesTitle !== undefined ? activitiesTitle + ACTIVITY_TYPES.length : undefined;
  const place = (activitiesLast ?? total) + 2;
  return {
    unitHeading: 1,
    unitCell: 2,
    title: 4,
    subtitle: 5,
    reference: 6,
    edition: 7,
    deadline: 8,
    moneyUnit: 9,
    header1,
    header2: header1 + 1,
    columnNumbers: header1 + 2,
    firstData,
    lastData,
    total,
    activitiesTitle,
    activitiesLast,
    place,
    signer: place + 1,
    signNote: place + 2,
    lastColumn: FORM_COLUMNS.length,
  };
}

const STYLES: Record<string, CellStyle> = {
  ...DOCUMENT_STYLES,
  ...ACTIVITY_STYLES,
  heading: { bold: true, hAlign: 'center', vAlign: 'middle' },
  unitInput: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, underlineDotted: true, locked: false },
  tt: { hAlign: 'center', border: true, locked: false, numberFormat: '0' },
  input: { border: true, locked: false, numberFormat: '#,##0', hAlign: 'right', indent: NUMBER_INDENT },
  derived: { border: true, numberFormat: '#,##0', hAlign: 'right', indent: NUMBER_INDENT, fill: 'F2F2F2' },
  totalLabel: { bold: true, hAlign: 'center', border: true },
  totalNum: { bold: true, border: true, numberFormat: '#,##0', hAlign: 'right', indent: NUMBER_INDENT },
  place: { italic: true, hAlign: 'center' },
  signer: { bold: true, hAlign: 'center' },
  signNote: { italic: true, hAlign: 'center' },
};

/**
 * The "Tổng" formula for one column: it grows with rows inserted anywhere, also just above "Tổng",
 * and shows nothing (not 0) on a blank form, until a figure is entered.
 */
export function growingSum(col: number, columnNumbersRow: number): string {
  const L = columnLetter(col);
  const range = `INDEX(${L}:${L},ROW(${L}$${columnNumbersRow})+1):INDEX(${L}:${L},ROW()-1)`;
  return `IF(COUNT(${range})=0,"",SUM(${range}))`;
}

/** Column 3's "Tổng": 4 + 5 of the totals, blank while both are. */
export function derivedGrandTotal(totalRow: number): string {
  const d = cellAddress(totalRow, formColumn('budget'));
  const e = cellAddress(totalRow, formColumn('otherFunding'));
  return `IF(COUNT(${d}:${e})=0,"",SUM(${d}:${e}))`;
}

/** Column 3 of one data row: 4 + 5, blank while the row is empty. */
export function derivedTotal(row: number): string {
  const d = cellAddress(row, formColumn('budget'));
  const e = cellAddress(row, formColumn('otherFunding'));
  return `IF(COUNTA(${d}:${e})=0,"",SUM(${d}:${e}))`;
}

export function referenceLine(p: Pick<FormParams, 'plan' | 'body'>): string {
  return `(Gửi kèm ${p.plan} của ${p.body})`;
}

export function subtitleLine(year: number): string {
  return `V/v tổ chức ngày Công tác xã hội Việt Nam năm ${year}`;
}

export function editionLine(p: Pick<FormParams, 'year' | 'theme'>): string {
  const ed = `“Ngày Công tác xã hội Việt Nam” lần thứ ${editionOf(p.year)}`;
  return p.theme ? `${ed} - Chủ đề: “${p.theme}”` : ed;
}

/** Whole numbers ≥ 0 only, with the prompt shown on entry and the error shown on a bad value. */
const wholeNumberRule = (range: Rect, prompt: WholeNumberRule['prompt'], error: WholeNumberRule['error']): WholeNumberRule => ({ kind: 'wholeNumber', range, min: 0, prompt, error });

const moneyRule = (range: Rect): WholeNumberRule =>
  wholeNumberRule(
    range,
    {
      title: { vi: 'Kinh phí (đồng)', en: 'Funding (đồng)' },
      message: { vi: 'Nhập số tiền bằng đồng, số nguyên không âm, ví dụ 5000000.', en: 'Enter the amount in đồng, a whole number ≥ 0, e.g. 5000000.' },
    },
    {
      title: { vi: 'Số tiền không hợp lệ', en: 'Invalid amount' },
      message: { vi: 'Kinh phí phải là số nguyên đồng không âm (không nhập chữ, số lẻ hay số âm).', en: 'Funding must be a whole number of đồng, not negative (no text, decimals or negatives).' },
    },
  );

/** The blank reporting form as a sheet plan. */
export function buildFormPlan(p: FormPlanParams, sheetName = `Biểu CTXH ${p.year}`): SheetPlan {
  return fitWrappedRows(formPlan(p, sheetName));
}

/** Validated parameters; the activities block is on when not said. */
export type FormPlanParams = Omit<FormParams, 'activities'> & { activities?: boolean };

function formPlan(p: FormPlanParams, sheetName: string): SheetPlan {
  const L = formLayout(p.rows, p.activities ?? true);
  const last = L.lastColumn;
  const cells: PlanCell[] = [];
  const merges: Rect[] = [];
  const put = (r: number, c: number, value: string | number | null, style: string, mergeTo?: number) => {
    cells.push({ r, c, value, style });
    if (mergeTo && mergeTo > c) {
      merges.push({ r1: r, c1: c, r2: r, c2: mergeTo });
      for (let cc = c + 1; cc <= mergeTo; cc++) cells.push({ r, c: cc, style });
    }
  };

  put(L.unitHeading, 1, FORM_LABELS.unitHeading, 'heading', 2);
  put(L.unitCell, 1, p.unit ?? null, 'unitInput', 2);
  put(L.title, 1, FORM_LABELS.title, 'title', last);
  put(L.subtitle, 1, subtitleLine(p.year), 'subtitle', last);
  put(L.reference, 1, referenceLine(p), 'note', last);
  put(L.edition, 1, editionLine(p), 'note', last);
  if (p.deadline) put(L.deadline, 1, `Hạn gửi báo cáo: trước ngày ${p.deadline}`, 'note', last);
  put(L.moneyUnit, 3, FORM_LABELS.moneyUnit, 'unitOfMeasure', last);

  // Two header rows: "Trong đó" spans columns 4–5, the others span both rows.
  FORM_COLUMNS.forEach((col, i) => {
    const c = i + 1;
    if (col.underBreakdown) {
      cells.push({ r: L.header2, c, value: col.header, style: 'th' });
    } else {
      cells.push({ r: L.header1, c, value: col.header, style: 'th' }, { r: L.header2, c, style: 'th' });
      merges.push({ r1: L.header1, c1: c, r2: L.header2, c2: c });
    }
    cells.push({ r: L.columnNumbers, c, value: col.number, style: 'colNo' });
  });
  const firstBreakdown = FORM_COLUMNS.findIndex((c) => c.underBreakdown) + 1;
  cells.push({ r: L.header1, c: firstBreakdown, value: FORM_LABELS.breakdown, style: 'th' });
  for (let c = firstBreakdown + 1; c <= last; c++) cells.push({ r: L.header1, c, style: 'th' });
  merges.push({ r1: L.header1, c1: firstBreakdown, r2: L.header1, c2: last });

  for (let r = L.firstData; r <= L.lastData; r++) {
    FORM_COLUMNS.forEach((col, i) => {
      const c = i + 1;
      if (col.kind === 'index') cells.push({ r, c, value: r - L.firstData + 1, style: 'tt' });
      else if (col.derived) cells.push({ r, c, formula: derivedTotal(r), style: 'derived' });
      else cells.push({ r, c, style: 'input' });
    });
  }

  cells.push({ r: L.total, c: 1, value: FORM_LABELS.total, style: 'totalLabel' });
  // Column 3's total is 4 + 5 of the totals: rows a clerk inserts get no column-3 formula, so summing column 3 would miss them.
  for (let c = 2; c <= last; c++) {
    const formula = FORM_COLUMNS[c - 1].derived ? derivedGrandTotal(L.total) : growingSum(c, L.columnNumbers);
    cells.push({ r: L.total, c, formula, style: 'totalNum' });
  }

  const block = L.activitiesTitle !== undefined ? activityBlock(L.activitiesTitle, last) : undefined;
  if (block) {
    cells.push(...block.cells);
    merges.push(...block.merges);
  }

  put(L.place, 3, `${p.province}, ngày ..... tháng ..... năm ${p.year}`, 'place', last);
  put(L.signer, 3, FORM_LABELS.signer, 'signer', last);
  put(L.signNote, 3, FORM_LABELS.signNote, 'signNote', last);

  // Room to write by hand on a printed copy.
  const dataRowHeights: Record<number, number> = {};
  for (let r = L.firstData; r <= L.total; r++) dataRowHeights[r] = 20;

  const dataRows = (c: number): Rect => ({ r1: L.firstData, c1: c, r2: L.lastData, c2: c });
  const participantsRule = wholeNumberRule(
    dataRows(2),
    {
      title: MEASURE_INFO.participants.label,
      message: { vi: 'Nhập số người, số nguyên không âm.', en: 'Enter the number of people, a whole number ≥ 0.' },
    },
    {
      title: { vi: 'Số người không hợp lệ', en: 'Invalid number of people' },
      message: { vi: 'Số người tham gia phải là số nguyên không âm.', en: 'Participants must be a whole number, not negative.' },
    },
  );

  return {
    name: sheetName,
    font: DOCUMENT_FONT,
    columns: FORM_COLUMNS.map((c) => c.width),
    rowHeights: { [L.unitCell]: 30, [L.subtitle]: 20, [L.header1]: 22, [L.header2]: 34, ...dataRowHeights, ...block?.rowHeights },
    cells,
    styles: STYLES,
    merges,
    validations: [participantsRule, moneyRule({ r1: L.firstData, c1: 4, r2: L.lastData, c2: 5 }), ...(block?.validations ?? [])],
    names: [
      { name: FORM_NAMES.unit, range: { r1: L.unitCell, c1: 1, r2: L.unitCell, c2: 1 }, comment: 'Ô ghi tên đơn vị báo cáo' },
      { name: FORM_NAMES.columnNumbers, range: { r1: L.columnNumbers, c1: 1, r2: L.columnNumbers, c2: last }, comment: 'Dòng số cột 1 | 2 | 3=4+5 | 4 | 5' },
      { name: FORM_NAMES.data, range: { r1: L.firstData, c1: 1, r2: L.lastData, c2: last }, comment: 'Các dòng số liệu' },
      { name: FORM_NAMES.total, range: { r1: L.total, c1: 1, r2: L.total, c2: last }, comment: 'Dòng Tổng' },
    ],
    protection: { allowInsertRows: true, allowDeleteRows: true, allowFormatColumns: true, allowFormatRows: true },
    print: a4Print('portrait', { from: L.header1, to: L.columnNumbers }),
  };
}
