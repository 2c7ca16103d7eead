// The "Kết quả tổ chức" sheet of the consolidated workbook, in the style of the table attached
// to the Lạng Sơn labour department's 2017 results report: STT | Đơn vị | Hình thức tổ chức |
// Kết hợp treo băng rôn khẩu hiệu | Ghi chú, units under the summary's Roman-numbered groups.
import { DOCUMENT_FONT, DOCUMENT_STYLES, a4Print } from './document-style';
import { Merged } from './merge';
import { CellStyle, PlanCell, SheetPlan, fitWrappedRows } from './plan';
import { Rect } from './a1';
import { Message } from './i18n';
import { editionOf, groupNumeral, groupSetForYear } from './vocabulary';
import { activitiesText } from './report-plan';

export const RESULTS_SHEET = { vi: 'Kết quả tổ chức', en: 'Activities' } as const;

export const NO_BLOCK_NOTE: Message = { vi: 'Biểu không có phần hình thức tổ chức', en: 'The form has no activities block' };

const STYLES: Record<string, CellStyle> = {
  ...DOCUMENT_STYLES,
  body: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true },
  groupNo: { bold: true, hAlign: 'center', border: true },
  groupText: { bold: true, border: true, wrap: true },
  no: { hAlign: 'center', border: true, numberFormat: '0' },
  text: { border: true, wrap: true, vAlign: 'middle' },
  mark: { border: true, hAlign: 'center', vAlign: 'middle', bold: true },
  small: { border: true, wrap: true, size: 10, vAlign: 'middle' },
};

const L = {
  title: { vi: 'BẢNG TỔNG HỢP KẾT QUẢ CÁC ĐƠN VỊ TỔ CHỨC', en: 'HOW EACH UNIT ORGANISED ITS ACTIVITIES' },
  no: { vi: 'STT', en: 'No.' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  forms: { vi: 'Hình thức tổ chức', en: 'Activities held' },
  banners: { vi: 'Kết hợp treo băng rôn khẩu hiệu', en: 'With banners and slogans' },
  note: { vi: 'Ghi chú', en: 'Notes' },
} satisfies Record<string, Message>;

export interface ResultsSheetOptions {
  year?: number;
  province?: string;
  body?: string;
  lang?: 'vi' | 'en';
}

/** One row per accepted unit, grouped as in the summary. */
export function buildResultsSheet(m: Merged, opts: ResultsSheetOptions = {}): SheetPlan {
  const t = (msg: Message) => msg[opts.lang ?? 'vi'];
  const cells: PlanCell[] = [];
  const merges: Rect[] = [];
  const put = (r: number, c: number, value: string | number | null, style: string, to?: number) => {
    cells.push({ r, c, ...(value !== null && value !== '' ? { value } : {}), style });
    if (to && to > c) {
      merges.push({ r1: r, c1: c, r2: r, c2: to });
      for (let cc = c + 1; cc <= to; cc++) cells.push({ r, c: cc, style });
    }
  };
  const LAST = 5;
  if (opts.body) put(1, 1, opts.body.toUpperCase(), 'body', 2);
  put(3, 1, t(L.title), 'title', LAST);
  const where = opts.province ? { vi: ` trên địa bàn ${opts.province}`, en: ` in ${opts.province}` } : { vi: '', en: '' };
  const sub =
    opts.year !== undefined
      ? { vi: `“Ngày Công tác xã hội Việt Nam” lần thứ ${editionOf(opts.year)} năm ${opts.year}${where.vi}`, en: `Vietnam Social Work Day ${opts.year}${where.en}` }
      : { vi: `Ngày Công tác xã hội Việt Nam${where.vi}`, en: `Vietnam Social Work Day${where.en}` };
  put(4, 1, t(sub), 'subtitle', LAST);
  const head = 6;
  [L.no, L.unit, L.forms, L.banners, L.note].forEach((label, i) => put(head, i + 1, t(label), 'th'));
  let r = head + 1;
  const set = groupSetForYear(opts.year ?? m.year);
  for (const g of m.groups) {
    if (!g.units.length && !g.expected) continue;
    put(r, 1, groupNumeral(g.id, set) ?? g.id, 'groupNo');
    put(r, 2, t(g.label), 'groupText', LAST);
    r++;
    g.units.forEach((u, i) => {
      put(r, 1, i + 1, 'no');
      put(r, 2, u.display, 'text');
      put(r, 3, activitiesText(u), 'text');
      put(r, 4, u.banners ? 'x' : null, 'mark');
      put(r, 5, u.activities == null ? t(NO_BLOCK_NOTE) : null, 'small');
      r++;
    });
  }
  return fitWrappedRows({
    name: t(RESULTS_SHEET),
    font: DOCUMENT_FONT,
    columns: [6, 38, 52, 16, 24],
    rowHeights: { 3: 22, [head]: 36 },
    cells,
    styles: STYLES,
    merges,
    validations: [],
    names: [],
    print: a4Print('landscape', { from: head, to: head }),
    freezeRows: head + 1,
  });
}
