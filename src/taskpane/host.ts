// What the pane's tabs need from where they run, passed in (as the Office
// template passes `insertText`) so the tabs hold no Excel code. The Excel host is
// src/excel/excel-host.ts; the "file host" of the page without Excel (src/app/file-host.ts)
// writes the same plans as .xlsx downloads and has the tabs read picked files instead of sheets.
import type { SheetPlan } from '../core/plan';
import type { Message } from '../core/i18n';
import type { RawWorkbook } from '../core/returns';
import type { Features } from '../excel/features';
import type { HighlightState, Mark } from '../excel/highlight';

export type { Features, HighlightState, Mark };

/** What an older host left out, as a short list under its introduction. */
export interface LeftOut {
  intro: string;
  items: string[];
}

export interface WriteResult {
  /** The names the sheets got (a taken name gets "name (2)"), in plan order. */
  sheets: string[];
  /** Plain sentence on what was left out, if anything. */
  message?: string;
  /** The file the plans were saved as, where the host saves files instead of inserting sheets. */
  file?: string;
  leftOut?: LeftOut;
}

export interface SheetRead {
  raw: RawWorkbook;
  sheetId: string;
  sheetName: string;
}

export interface PaneHost {
  /** What this host can do; the tabs hide what it cannot. */
  readonly features: Features;
  /**
   * Where the check and the roster read from: the workbook's sheets (Excel; the default), or files the user
   * picks ('files': the page without Excel, where writeSheets saves an .xlsx file and there is no sheet to read or mark).
   */
  readonly source?: 'sheets' | 'files';
  /** Writes sheet plans as new sheets, never over data; `replace` names sheets the user agreed to replace; `fileName` and `title` are for a host that saves files. */
  writeSheets(plans: SheetPlan[], opts: { lang: 'vi' | 'en'; replace?: string[]; fileName?: string; title?: string }): Promise<WriteResult>;
  /** Names of the sheets the plans would meet (to ask before replacing a summary). */
  listSheets(): Promise<string[]>;
  /** One sheet as a grid: the active one, or by id or name. */
  readSheet(opts?: { sheetId?: string }): Promise<SheetRead>;
  /**
   * Saves a file on the user's machine (the form as .xlsx). Says what happened: a download started,
   * the file was opened as a new workbook instead (Mac, where downloads from a pane vanish), or
   * neither could be done, so the pane must say how to get the file.
   */
  downloadFile(name: string, bytes: Uint8Array, mimeType: string): Promise<'downloaded' | 'opened' | 'unavailable'>;
  /** Opens a workbook file as a new workbook; absent where the host cannot. */
  openWorkbook?: (bytes: Uint8Array) => Promise<void>;
  /** Colours the cells a check found wrong and puts back the fills of fixed ones. */
  markCells(sheetId: string, marks: Mark[], previous?: HighlightState): Promise<{ state: HighlightState; notice?: Message }>;
  /** Shows one cell (clicking a problem). */
  selectCell(sheetId: string, address: string): Promise<void>;
  /** Calls back after the user edits the sheet; absent where the host cannot. Resolves to a stop function. */
  watchSheet?: (sheetId: string, onChange: (change: { structural: boolean }) => void) => Promise<() => Promise<void>>;
  /** The host refused only because the user is typing in a cell: try again shortly. */
  isBusy(e: unknown): boolean;
}
