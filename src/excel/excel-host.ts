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

export function excelHost(features: Features = detectFeatures()): PaneHost {
  return {
    features,
    writeSheets: (plans, opts) => insertSheetPlans(plans, { lang: opts.lang, features, replace: opts.replace }),
    listSheets,
    readSheet: (opts = {}) => readSheet({ sheetId: opts.sheetId, features }),
    downloadFile: browserDownload,
    // Excel.createWorkbook is ExcelApi 1.8 (Excel 2019).
    openWorkbook: features.validation ? async (bytes) => void (await Excel.createWorkbook(toBase64(bytes))) : undefined,
    markCells: applyHighlights,
    selectCell,
    watchSheet: features.events ? (sheetId, onChange) => watchSheet(sheetId, (args) => onChange({ structural: isStructuralChange(args) })) : undefined,
    isBusy: isCellEditModeError,
  };
}
