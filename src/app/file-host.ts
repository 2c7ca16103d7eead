// The tabs' host in the page without Excel (app.html): what Excel would insert as
// sheets is saved as an .xlsx download, from the same plans and the same writer as
// the command line; returns and the roster are files the user picks (source 'files'),
// read by the tabs in the worker. Nothing leaves the browser.
import type { SheetPlan } from '../core/plan';
import { browserDownload } from '../taskpane/download';
import { XLSX_MIME, asciiFileName } from '../taskpane/form-state';
import type { Features, PaneHost, WriteResult } from '../taskpane/host';

/** Everything a plan holds goes into the file (the .xlsx writer draws no chart; neither does the command line's). */
const ALL: Features = { layout: true, names: true, events: true, validation: true, pageLayout: true };

export class NoSheets extends Error {
  constructor() {
    super('The page without Excel has no sheets: returns are picked as files.');
  }
}

export function fileName(plans: SheetPlan[]): string {
  return `${asciiFileName(plans[0]?.name ?? '') || 'ctxh'}.xlsx`;
}

export function fileHost(): PaneHost {
  return {
    source: 'files',
    features: ALL,
    async writeSheets(plans, opts): Promise<WriteResult> {
      // exceljs is large: fetched only when a file is asked for (the same chunk as the form tab's).
      const { writeWorkbook } = await import(/* webpackChunkName: "xlsx-writer" */ '../workbook/write-xlsx');
      const file = opts.fileName ?? fileName(plans);
      await browserDownload(file, await writeWorkbook({ sheets: plans, title: opts.title ?? plans[0]?.name ?? '' }), XLSX_MIME);
      return { sheets: plans.map((p) => p.name), file };
    },
    // A download never replaces anything: there is nothing to ask about.
    listSheets: async () => [],
    readSheet: () => Promise.reject(new NoSheets()),
    // A page in a browser can always save a download.
    downloadFile: async (name, bytes, mimeType) => {
      await browserDownload(name, bytes, mimeType);
      return 'downloaded';
    },
    // No sheet to colour or select: the Check tab lists the cells instead.
    markCells: async (sheetId) => ({ state: { sheetId, original: {}, marked: {} } }),
    selectCell: async () => undefined,
    isBusy: () => false,
  };
}
