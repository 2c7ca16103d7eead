// The pane's host inside Excel: every Office call the tabs make goes through here.
import { Features, detectFeatures, isCellEditModeError } from './features';
import { applyHighlights, isStructuralChange, selectCell, watchSheet } from './highlight';
import { insertSheetPlans, listSheets } from './insert';
import { readSheet } from './read-sheet';
import { browserDownload } from '../taskpane/download';
import type { PaneHost } from '../taskpane/host';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
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
