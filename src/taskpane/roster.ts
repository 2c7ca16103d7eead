// The roster sheet ("Danh sách đơn vị"): an empty one to fill, and turning a
// filled one into CSV so the worker reads it with the very reader `--roster` uses.
import { RawWorkbook } from '../core/returns';

// The roster sheet's plan is core logic now; kept importable from here for the pane.
export { ROSTER_SHEET, rosterSheetPlan } from '../core/roster';

/** The sheet as UTF-8 CSV (the roster reader's own input format), every cell as its text. */
export function sheetToCsv(raw: RawWorkbook): Uint8Array {
  const lines = (raw.sheets[0]?.cells ?? []).map((row) =>
    Array.from({ length: row?.length ?? 0 }, (_, i) => {
      const v = row?.[i]?.value;
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    }).join(','),
  );
  return new TextEncoder().encode(lines.join('\r\n'));
}
