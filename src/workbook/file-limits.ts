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

/** A read still running after this is taken as a hostile file: its worker is stopped (CLI and task pane alike). */
export const READ_TIME_LIMIT_MS = 30_000;
/**
 * Heap one reading worker may use (Node worker resourceLimits); a filled form needs tens of MB.
 * Not lower: under 2 GB V8 grows the heap by a smaller factor and collects far more often
 * (measured: ~1.7× the CPU per file at 512 MB). The reader's own caps on cells and inflated
 * bytes stop large files long before this; the cap stops a runaway the reader does not foresee.
 */
export const READ_MEMORY_LIMIT_MB = 2048;

/** Why a file whose reading was stopped is refused. */
export const readStoppedMessage = {
  timeout: (seconds: number): Message => ({
    vi: `Đọc quá lâu (quá ${seconds} giây) nên đã dừng; tệp có thể bị hỏng hoặc không phải biểu mẫu. Hãy mở và lưu lại bằng Excel rồi gửi lại.`,
    en: `Reading took too long (over ${seconds} seconds) and was stopped; the file may be damaged or not a reporting form. Open and save it again in Excel, then resend.`,
  }),
  memory: (mb: number): Message => ({
    vi: `Tệp cần quá nhiều bộ nhớ để đọc (quá ${mb} MB) nên đã dừng; tệp có thể bị hỏng hoặc không phải biểu mẫu. Hãy mở và lưu lại bằng Excel rồi gửi lại.`,
    en: `The file needs too much memory to read (over ${mb} MB) and was stopped; it may be damaged or not a reporting form. Open and save it again in Excel, then resend.`,
  }),
  crashed: (): Message => ({
    vi: 'Trình đọc bị dừng đột ngột khi đọc tệp này; tệp có thể bị hỏng. Hãy mở và lưu lại bằng Excel rồi gửi lại.',
    en: 'The reader stopped abruptly on this file; it may be damaged. Open and save it again in Excel, then resend.',
  }),
};
