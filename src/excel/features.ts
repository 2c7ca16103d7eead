// What this Excel can do, from its requirement sets, and how to tell the user
// what had to be left out on an older version. Which Office has which set (Microsoft's
// "Excel JavaScript API requirement sets" table): Excel 2016 as sold has 1.1 only; Excel 2019
// up to 1.7; Excel 2021 up to 1.14; Excel 2024 up to 1.17; Microsoft 365 and Excel on the web all.
import { Message } from '../core/plan';

export interface Features {
  /** Merges, column widths, unlocking cells, sheet protection (ExcelApi 1.2; Excel 2019, not Excel 2016 as sold). */
  layout: boolean;
  /** Defined names on a sheet, getItemOrNullObject (1.4; Excel 2019). */
  names: boolean;
  /** worksheet.onChanged, freeze panes, chart series (1.7; Excel 2019). */
  events: boolean;
  /** Data validation, Excel.createWorkbook (1.8; Excel 2021). */
  validation: boolean;
  /** Page layout: paper, fit to width, print titles (1.9; Excel 2021). */
  pageLayout: boolean;
}

export type IsSetSupported = (version: string) => boolean;

export function officeIsSetSupported(): IsSetSupported {
  return (v) => {
    try {
      return Office.context.requirements.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
}

export function detectFeatures(isSet: IsSetSupported = officeIsSetSupported()): Features {
  return {
    layout: isSet('1.2'),
    names: isSet('1.4'),
    events: isSet('1.7'),
    validation: isSet('1.8'),
    pageLayout: isSet('1.9'),
  };
}

/**
 * Excel.run for work that may start while the user is typing in a cell: from ExcelApi 1.11 the request
 * waits until they leave the cell (delayForCellEdit); older Excel fails it with
 * InvalidOperationInCellEditMode (see isCellEditModeError), and the caller tries again later.
 */
export function runAfterCellEdit<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, isSet: IsSetSupported = officeIsSetSupported()): Promise<T> {
  return isSet('1.11') ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
}

/** Excel refused because the user is editing a cell: not a failure, just "not now". */
export function isCellEditModeError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'InvalidOperationInCellEditMode';
}

export type Omission = 'layout' | 'protection' | 'names' | 'validation' | 'pageLayout' | 'freeze' | 'chart';

const OMITTED: Record<Omission, Message> = {
  layout: {
    vi: 'gộp ô và độ rộng cột (cần Excel 2019, Microsoft 365 hoặc Excel trên web)',
    en: 'merged cells and column widths (needs Excel 2019, Microsoft 365 or Excel on the web)',
  },
  protection: {
    vi: 'khóa bảng tính (cần Excel 2019, Microsoft 365 hoặc Excel trên web)',
    en: 'sheet protection (needs Excel 2019, Microsoft 365 or Excel on the web)',
  },
  names: {
    vi: 'tên vùng như CTXH_DonVi (cần Excel 2019, Microsoft 365 hoặc Excel trên web)',
    en: 'defined names such as CTXH_DonVi (needs Excel 2019, Microsoft 365 or Excel on the web)',
  },
  validation: {
    vi: 'quy tắc kiểm tra khi nhập số (cần Excel 2021, Microsoft 365 hoặc Excel trên web) — vẫn có thể dùng mục “Kiểm tra” để soát số liệu',
    en: 'the input rules that check numbers as they are typed (needs Excel 2021, Microsoft 365 or Excel on the web) — the “Check” tab still checks the figures',
  },
  pageLayout: {
    vi: 'thiết lập trang in: khổ A4, vừa một trang ngang, lặp dòng tiêu đề (cần Excel 2021, Microsoft 365 hoặc Excel trên web) — hãy chỉnh trong Bố trí Trang trước khi in',
    en: 'print setup: A4, one page wide, repeated header rows (needs Excel 2021, Microsoft 365 or Excel on the web) — set it in Page Layout before printing',
  },
  freeze: {
    vi: 'cố định dòng tiêu đề (cần Excel 2019, Microsoft 365 hoặc Excel trên web)',
    en: 'frozen header rows (needs Excel 2019, Microsoft 365 or Excel on the web)',
  },
  chart: {
    vi: 'biểu đồ cơ cấu kinh phí (cần Excel 2019, Microsoft 365 hoặc Excel trên web)',
    en: 'the funding breakdown chart (needs Excel 2019, Microsoft 365 or Excel on the web)',
  },
};

/** What was left out, one plain item each (for a list in the pane). */
export function omissionItems(omitted: readonly Omission[], lang: 'vi' | 'en'): string[] {
  return [...new Set(omitted)].map((o) => OMITTED[o][lang]);
}

export function omissionIntro(lang: 'vi' | 'en'): string {
  return lang === 'vi' ? 'Phiên bản Excel này chưa hỗ trợ một số tính năng nên đã bỏ qua:' : 'This version of Excel lacks some features, so these were left out:';
}

/** One plain sentence listing what this Excel could not do, or undefined when nothing was left out. */
export function omissionMessage(omitted: readonly Omission[], lang: 'vi' | 'en'): string | undefined {
  const uniq = [...new Set(omitted)];
  if (!uniq.length) return undefined;
  const items = uniq.map((o) => OMITTED[o][lang]);
  return lang === 'vi'
    ? `Phiên bản Excel này chưa hỗ trợ một số tính năng nên đã bỏ qua: ${items.join('; ')}.`
    : `This version of Excel lacks some features, so these were left out: ${items.join('; ')}.`;
}
