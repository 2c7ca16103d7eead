// What can honestly be said about coverage when no roster of expected units was given:
// how many units sent valid figures, from how many files, and how many files were left
// out. Never "12/12": without the list nobody knows how many should have reported.
// The pane, the summary sheet and the command line say it in these same words.
import { Message } from './i18n';

export interface Received {
  /** Units whose figures were merged. */
  units: number;
  /** Files rejected for errors. */
  rejected: number;
  /** Files replaced by a newer file of their unit. */
  superseded: number;
}

const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const en = (n: number, one: string, many: string) => `${group(n, ',')} ${n === 1 ? one : many}`;

/** Files read = merged + rejected + superseded (every file ends in exactly one of the three). */
export function receivedCounts(m: { accepted: readonly unknown[]; rejected: readonly unknown[]; superseded: readonly unknown[] }): Received {
  return { units: m.accepted.length, rejected: m.rejected.length, superseded: m.superseded.length };
}

/** "12 đơn vị có số liệu hợp lệ từ 15 tệp; 2 tệp bị loại, 1 tệp trùng." */
export function receivedWithoutRoster(r: Received): Message {
  const files = r.units + r.rejected + r.superseded;
  const leftOut = (
    [
      [r.rejected, `${group(r.rejected, '.')} tệp bị loại`, en(r.rejected, 'file rejected', 'files rejected')],
      [r.superseded, `${group(r.superseded, '.')} tệp trùng`, en(r.superseded, 'duplicate', 'duplicates')],
    ] as const
  ).filter(([n]) => n > 0);
  return {
    vi: `${group(r.units, '.')} đơn vị có số liệu hợp lệ từ ${group(files, '.')} tệp${leftOut.length ? `; ${leftOut.map((x) => x[1]).join(', ')}` : ''}.`,
    en: `${en(r.units, 'unit', 'units')} with valid figures from ${en(files, 'file', 'files')}${leftOut.length ? `; ${leftOut.map((x) => x[2]).join(', ')}` : ''}.`,
  };
}

/** The second half: the expected list is missing, so who has not reported is unknown. */
export const NO_ROSTER: Message = {
  vi: 'Chưa có danh sách đơn vị phải báo cáo nên chưa biết đơn vị nào chưa gửi.',
  en: 'There is no list of the units expected to report, so it is not known who has not sent theirs.',
};
