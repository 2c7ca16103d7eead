// One pre-filled form per roster unit, as one .zip (the task pane's "Tạo biểu cho từng đơn vị"; the CLI
// writes the same files into a folder). Loaded on demand with the spreadsheet writer.
import { zipSync } from 'fflate';
import { formFileNames } from '../core/file-names';
import { FormParams } from '../core/form';
import { prefilledFormPlan } from '../core/prefilled-form';
import { writeWorkbook } from './write-xlsx';

export async function formsZip(params: FormParams, units: readonly string[]): Promise<{ bytes: Uint8Array; files: string[] }> {
  const files = formFileNames(params.year, units);
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < units.length; i++) {
    entries[files[i]] = await writeWorkbook({ sheets: [prefilledFormPlan(params, units[i])], title: `Biểu tổng hợp CTXH ${params.year} — ${units[i]}` });
  }
  // .xlsx is already compressed: stored, not deflated again.
  return { bytes: zipSync(entries, { level: 0 }), files };
}
