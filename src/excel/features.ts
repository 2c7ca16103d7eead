// What this Excel can do, from its requirement sets, and how to tell the user
// what had to be left out on an older version. Which Office has which set (Microsoft's
// "Excel JavaScript API requirement sets" table): Excel 2016 as sold has 1.1 only; Excel 2019
// up to 1.7; Excel 2021 up to 1.14; Excel 2024 up to 1.17; Microsoft 365 and Excel on the web all.
import { Lang, StringKey, translator } from '../taskpane/i18n';

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

/** The pane's words for each omission (src/taskpane/i18n.ts holds them with every other UI string). */
const OMITTED: Record<Omission, StringKey> = {
  layout: 'omitLayout',
  protection: 'omitProtection',
  names: 'omitNames',
  validation: 'omitValidation',
  pageLayout: 'omitPageLayout',
  freeze: 'omitFreeze',
  chart: 'omitChart',
};

/** What was left out, one plain item each (for a list in the pane). */
export function omissionItems(omitted: readonly Omission[], lang: Lang): string[] {
  const t = translator(lang);
  return [...new Set(omitted)].map((o) => t(OMITTED[o]));
}

export function omissionIntro(lang: Lang): string {
  return translator(lang)('omittedIntro');
}

/** One plain sentence listing what this Excel could not do, or undefined when nothing was left out. */
export function omissionMessage(omitted: readonly Omission[], lang: Lang): string | undefined {
  const items = omissionItems(omitted, lang);
  return items.length ? translator(lang)('omittedSentence', { items: items.join('; ') }) : undefined;
}
