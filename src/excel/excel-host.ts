// The pane's host inside Excel: every Office call the tabs make goes through here.
import { Features, detectFeatures, isCellEditModeError } from './features';
import { applyHighlights, isStructuralChange, selectCell, watchSheet } from './highlight';
import { insertSheetPlans, listSheets } from './insert';
import { readSheet } from './read-sheet';
import type { PaneHost } from '../taskpane/host';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A browser download from the pane (some Office web views cannot save them; openWorkbook is the way there). */
export async function browserDownload(name: string, bytes: Uint8Array, mimeType: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Office for Mac's web view (WKWebView) silently drops downloads started in a pane, by design
 * (OfficeDev/office-js#2700, #4681); everywhere else a download from the pane is saved.
 */
export function downloadsWork(): boolean {
  try {
    return Office.context.platform !== Office.PlatformType.Mac;
  } catch {
    return true;
  }
}

export function excelHost(features: Features = detectFeatures(), canDownload = downloadsWork()): PaneHost {
  // Excel.createWorkbook is ExcelApi 1.8 (Excel 2021, Microsoft 365, Mac 16.17+).
  const openWorkbook = features.validation ? async (bytes: Uint8Array) => void (await Excel.createWorkbook(toBase64(bytes))) : undefined;
  return {
    features,
    writeSheets: (plans, opts) => insertSheetPlans(plans, { lang: opts.lang, features, replace: opts.replace }),
    listSheets,
    readSheet: (opts = {}) => readSheet({ sheetId: opts.sheetId, features }),
    // Where a download would vanish, the file opens as a new workbook instead, or the pane says how to get it.
    downloadFile: async (name, bytes, mimeType) => {
      if (canDownload) {
        await browserDownload(name, bytes, mimeType);
        return 'downloaded';
      }
      if (!openWorkbook) return 'unavailable';
      await openWorkbook(bytes);
      return 'opened';
    },
    openWorkbook,
    markCells: applyHighlights,
    selectCell,
    watchSheet: features.events ? (sheetId, onChange) => watchSheet(sheetId, (args) => onChange({ structural: isStructuralChange(args) })) : undefined,
    isBusy: isCellEditModeError,
  };
}
