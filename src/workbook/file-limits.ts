// The size limit for a returned file, and its message: checked by the CLI and the task pane
// before a file is read at all, and by the reader itself. Kept apart from the reader so the
// pane's main bundle can use it without pulling in SheetJS.
import { Message } from '../core/i18n';

const MiB = 1024 * 1024;
/** Largest file accepted at all (a filled form is tens of KB). */
export const MAX_FILE_BYTES = 20 * MiB;

export const fmtMB = (n: number) => (n / MiB >= 10 ? Math.round(n / MiB).toString() : (n / MiB).toFixed(1).replace('.', ','));

/** Why a file over MAX_FILE_BYTES is refused, in the same words wherever it is found; `size` in bytes when known. */
export function tooLargeMessage(size?: number): Message {
  const d = size !== undefined ? ` (${fmtMB(size)} MB)` : '';
  return {
    vi: `Tệp quá lớn${d}, không phải biểu mẫu báo cáo (tối đa ${fmtMB(MAX_FILE_BYTES)} MB).`,
    en: `The file is too large${d}; it is not a reporting form (${fmtMB(MAX_FILE_BYTES)} MB at most).`,
  };
}
