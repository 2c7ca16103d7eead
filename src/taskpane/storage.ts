// Remembers what was typed into the form: in the workbook's own settings (so a
// workbook keeps its year and plan) and in the browser's storage (the next new
// workbook starts from the last values). Saved on every keystroke: never lost.
const KEY = 'ctxh.form';

export type FieldValues = Record<string, string>;

function officeSettings(): Office.Settings | undefined {
  try {
    return typeof Office !== 'undefined' ? Office.context?.document?.settings : undefined;
  } catch {
    return undefined;
  }
}

function local(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage can be blocked in some Office web views
  }
}

export function loadFields(): FieldValues | undefined {
  const fromDoc = officeSettings()?.get(KEY);
  if (fromDoc && typeof fromDoc === 'object') return fromDoc as FieldValues;
  const raw = local()?.getItem(KEY);
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' ? (v as FieldValues) : undefined;
  } catch {
    return undefined;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

export function saveFields(values: FieldValues): void {
  try {
    local()?.setItem(KEY, JSON.stringify(values));
  } catch {
    /* quota or blocked: the workbook settings still hold it */
  }
  const s = officeSettings();
  if (!s) return;
  s.set(KEY, values);
  // saveAsync writes into the document; batch keystrokes.
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => s.saveAsync(() => undefined), 800);
}

const SHEET_LANG = 'ctxh.sheetLang';

/** The language of the sheets the pane writes: Vietnamese unless the user chose English here. */
export function loadSheetLang(): 'vi' | 'en' {
  const v = officeSettings()?.get(SHEET_LANG) ?? local()?.getItem(SHEET_LANG);
  return v === 'en' ? 'en' : 'vi';
}

export function saveSheetLang(lang: 'vi' | 'en'): void {
  try {
    local()?.setItem(SHEET_LANG, lang);
  } catch {
    /* blocked: the workbook settings still hold it */
  }
  const s = officeSettings();
  if (!s) return;
  s.set(SHEET_LANG, lang);
  s.saveAsync(() => undefined);
}
