// What this Excel can do, from its requirement sets, and how to tell the user
// what had to be left out on an older version.
import { Lang, StringKey, translator } from '../taskpane/i18n';

export interface Features {
  /** Merges, column widths, unlocking cells, sheet protection (ExcelApi 1.2; Excel 2016 has it). */
  layout: boolean;
  /** Defined names on a sheet, getItemOrNullObject (1.4). */
  names: boolean;
  /** worksheet.onChanged, freeze panes, chart series (1.7). */
  events: boolean;
  /** Data validation, Excel.createWorkbook (1.8; Excel 2019). */
  validation: boolean;
  /** Page layout: paper, fit to width, print titles (1.9). */
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
