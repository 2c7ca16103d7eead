// Messages about provincial summaries and the national merge, Vietnamese first: the problem
// codes (spread into the core's catalogue, src/core/messages.ts) and the texts around them.
import { Catalogue, Message } from './i18n';
import { formatVnNumber } from './numbers';

const vn = formatVnNumber;
const en = (n: number) => n.toLocaleString('en-US');
const quote = (xs: readonly string[], max = 5) => {
  const shown = xs.slice(0, max).map((x) => `“${x}”`).join(', ');
  return xs.length > max ? `${shown} … (+${xs.length - max})` : shown;
};

export type Figure = 'participants' | 'totalFunding' | 'budget' | 'otherFunding';
const FIGURE: Record<Figure, Message> = {
  participants: { vi: 'số người tham gia', en: 'participants' },
  totalFunding: { vi: 'tổng kinh phí', en: 'total funding' },
  budget: { vi: 'ngân sách', en: 'own budget' },
  otherFunding: { vi: 'vận động khác', en: 'other funds' },
};

/** The summary's columns, as its column-number row numbers them. */
export const SUMMARY_COLUMN: Record<'participants' | 'budget' | 'otherFunding', Message> = {
  participants: { vi: 'Cột 3 (Số người tham gia)', en: 'Column 3 (participants)' },
  budget: { vi: 'Cột 5 (Ngân sách của cơ quan, đơn vị)', en: "Column 5 (units' own budget)" },
  otherFunding: { vi: 'Cột 6 (Vận động khác)', en: 'Column 6 (other mobilised funds)' },
};
type Column = keyof typeof SUMMARY_COLUMN;

/** Problem codes of provincial summaries read back and of the national merge. */
export const NATIONAL_PROBLEMS = {
  'summary.notFound'(): Message {
    return {
      vi: 'Không thấy bảng tổng hợp trong tệp: không trang tính nào có dòng đánh số cột “1 | 2 | 3 | 4=5+6 | 5 | 6” dưới tiêu đề “Đơn vị”.',
      en: 'No summary table in the file: no sheet has the column-number row “1 | 2 | 3 | 4=5+6 | 5 | 6” under a “Đơn vị” header.',
    };
  },
  'summary.isNational'(): Message {
    return {
      vi: 'Đây là bảng tổng hợp toàn quốc (theo các tỉnh, thành phố), không phải bảng tổng hợp của một tỉnh hay biểu của một đơn vị; tệp này không được tổng hợp lại.',
      en: 'This is a national summary (by province), not a province’s summary or a unit’s return; it is not merged again.',
    };
  },
  'summary.totalMissing'(): Message {
    return {
      vi: 'Bảng tổng hợp không còn dòng “Tổng cộng”; đã đọc các dòng đến hết bảng.',
      en: 'The summary has no “Tổng cộng” row; read the rows to the end of the table.',
    };
  },
  'summary.cellError'(col: Column, err: string): Message {
    return { vi: `${SUMMARY_COLUMN[col].vi}: ô đang báo lỗi ${err}. Hãy sửa ô này trong bảng tổng hợp của tỉnh.`, en: `${SUMMARY_COLUMN[col].en}: the cell shows the error ${err}. Fix it in the province's summary.` };
  },
  'summary.formulaNoValue'(col: Column): Message {
    return {
      vi: `${SUMMARY_COLUMN[col].vi}: ô có công thức nhưng tệp không lưu kết quả. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi.`,
      en: `${SUMMARY_COLUMN[col].en}: the cell holds a formula but the file has no saved result. Open and save it in Excel or LibreOffice.`,
    };
  },
  'summary.number.invalid'(col: Column, shown: string): Message {
    return {
      vi: `${SUMMARY_COLUMN[col].vi}: “${shown}” không phải là số nguyên không âm. Hãy sửa số trong bảng tổng hợp của tỉnh.`,
      en: `${SUMMARY_COLUMN[col].en}: “${shown}” is not a whole number ≥ 0. Correct it in the province's summary.`,
    };
  },
  'summary.number.text'(col: Column, shown: string, value: number): Message {
    return { vi: `${SUMMARY_COLUMN[col].vi}: “${shown}” được lưu dạng chữ, đã đọc là ${vn(value)}.`, en: `${SUMMARY_COLUMN[col].en}: “${shown}” is stored as text; read as ${en(value)}.` };
  },
  'summary.unitNameMissing'(row: number): Message {
    return {
      vi: `Dòng ${row} của bảng tổng hợp có số liệu nhưng không ghi tên đơn vị, nên không biết số liệu của ai. Hãy ghi tên đơn vị vào cột “Đơn vị”.`,
      en: `Row ${row} of the summary has figures but no unit name, so nobody can tell whose they are. Write the unit in the “Đơn vị” column.`,
    };
  },
  'summary.noBreakdown'(total: number): Message {
    return {
      vi: `Dòng này chỉ ghi tổng kinh phí ${vn(total)} đồng, chưa chia ra ngân sách (cột 5) và vận động khác (cột 6).`,
      en: `This row gives only a total of ${en(total)} đồng, not split into own budget (column 5) and other funds (column 6).`,
    };
  },
  'summary.rowTotalDisagrees'(total: number, budget: number, other: number): Message {
    return {
      vi: `Cột 4 ghi ${vn(total)} đồng nhưng cột 5 + cột 6 = ${vn(budget + other)} đồng; đã dùng ${vn(budget + other)} đồng.`,
      en: `Column 4 says ${en(total)} đồng but columns 5 + 6 = ${en(budget + other)} đồng; used ${en(budget + other)} đồng.`,
    };
  },
  'summary.unitOutsideGroup'(name: string): Message {
    return { vi: `Đơn vị “${name}” nằm trên mọi dòng nhóm; đã xếp nhóm theo tên đơn vị.`, en: `“${name}” is above every group row; its group was inferred from its name.` };
  },
  'summary.subtotalDisagrees'(group: string, k: Figure, shown: number, computed: number): Message {
    return {
      vi: `Dòng nhóm “${group}” ghi ${FIGURE[k].vi} ${vn(shown)} nhưng cộng các dòng đơn vị được ${vn(computed)}; đã dùng số cộng từ các dòng đơn vị.`,
      en: `Group row “${group}” shows ${FIGURE[k].en} ${en(shown)} but its unit rows add up to ${en(computed)}; the unit rows were used.`,
    };
  },
  'summary.grandTotalDisagrees'(k: Figure, shown: number, computed: number): Message {
    return {
      vi: `Dòng “Tổng cộng” ghi ${FIGURE[k].vi} ${vn(shown)} nhưng cộng các dòng đơn vị được ${vn(computed)}; đã dùng số cộng từ các dòng đơn vị.`,
      en: `The “Tổng cộng” row shows ${FIGURE[k].en} ${en(shown)} but the unit rows add up to ${en(computed)}; the unit rows were used.`,
    };
  },
  'summary.yearDiffers'(found: number, campaign: number): Message {
    return { vi: `Bảng tổng hợp ghi năm ${found}, không phải năm ${campaign} đang tổng hợp.`, en: `The summary is for ${found}, not the campaign year ${campaign}.` };
  },
  'summary.provinceFromFile'(name: string): Message {
    return {
      vi: `Tiêu đề bảng tổng hợp không ghi tỉnh, thành phố; đã lấy “${name}” theo tên tệp. Hãy kiểm tra lại.`,
      en: `The summary's title names no province; took “${name}” from the file name. Check it.`,
    };
  },
  'summary.provinceMissing'(count: number): Message {
    return {
      vi: `Bảng tổng hợp không ghi là của tỉnh, thành phố nào (trong ${count} tỉnh, thành phố). Hãy ghi tên tỉnh vào tiêu đề, ví dụ “… trên địa bàn tỉnh Lạng Sơn”, hoặc đề nghị tỉnh tổng hợp lại có ghi tỉnh.`,
      en: `The summary does not say which of the ${count} provinces it is for. Put the province in its title, e.g. “… trên địa bàn tỉnh Lạng Sơn”, or ask the province to merge again with its name.`,
    };
  },
  'summary.provinceFormer'(former: string, now: string): Message {
    return { vi: `Bảng tổng hợp ghi “${former}”, nay thuộc ${now}; đã tính vào ${now}.`, en: `The summary names “${former}”, now part of ${now}; counted under ${now}.` };
  },
  'summary.coverageStale'(reported: number, expected: number | undefined, extra: number, rows: number): Message {
    const printed = expected === undefined ? `${reported}` : `${reported}/${expected}${extra ? ` (và ${extra} ngoài danh sách)` : ''}`;
    const printedEn = expected === undefined ? `${reported}` : `${reported}/${expected}${extra ? ` (and ${extra} outside the roster)` : ''}`;
    return {
      vi: `Dòng tình hình báo cáo ghi ${printed} đơn vị nhưng bảng có ${rows} dòng đơn vị (có thể đã chèn thêm hoặc xoá dòng); đã tính theo các dòng đơn vị.`,
      en: `The coverage line says ${printedEn} units but the table has ${rows} unit rows (rows inserted or deleted?); counted by the unit rows.`,
    };
  },
  'summary.noUnits'(): Message {
    return { vi: 'Bảng tổng hợp không có dòng đơn vị nào.', en: 'The summary has no unit rows.' };
  },
  'summary.sameTime'(province: string, used: string, others: readonly string[]): Message {
    return {
      vi: `${province} có nhiều bảng tổng hợp cùng thời điểm lưu (${quote(others)} và “${used}”); đã dùng “${used}” theo tên tệp. Hãy kiểm tra lại với tỉnh.`,
      en: `${province} has several summaries saved at the same time (${quote(others)} and “${used}”); used “${used}” by file name. Check with the province.`,
    };
  },
  'return.inSummary'(unit: string, summary: string, by: 'file' | 'unit'): Message {
    return by === 'file'
      ? { vi: `Biểu của “${unit}” đã có trong bảng tổng hợp “${summary}” (cùng tên tệp); không tính lại lần nữa.`, en: `“${unit}”'s return is already in the summary “${summary}” (same file name); not counted twice.` }
      : { vi: `Đơn vị “${unit}” đã có trong bảng tổng hợp “${summary}”; biểu này không tính lại lần nữa.`, en: `“${unit}” is already in the summary “${summary}”; this return is not counted twice.` };
  },
  'return.provinceUnknown'(): Message {
    return {
      vi: 'Không biết biểu này của tỉnh, thành phố nào: dòng “…, ngày … tháng … năm …” và tên đơn vị đều không ghi tỉnh. Hãy ghi tỉnh ở dòng đó rồi gửi lại.',
      en: 'Cannot tell which province this return belongs to: neither its “…, ngày … tháng … năm …” line nor the unit name names one. Write the province on that line and send it again.',
    };
  },
} satisfies Catalogue;

/** Texts of the national merge that are not a file's problem. */
export const NATIONAL_TEXT = {
  /** `allowMixed`: where the user can ask for both kinds (the CLI's --mixed). */
  mixedInputs(summaries: readonly string[], returns: readonly string[], allowMixed = true): Message {
    return {
      vi:
        `Các tệp gồm cả bảng tổng hợp của tỉnh (${summaries.length}: ${quote(summaries)}) và biểu báo cáo của đơn vị (${returns.length}: ${quote(returns)}). ` +
        'Tổng hợp toàn quốc dùng bảng tổng hợp của các tỉnh; tổng hợp của tỉnh dùng biểu của các đơn vị. Hãy tách riêng hai loại tệp' +
        (allowMixed ? ', hoặc thêm --mixed để tính biểu đơn vị vào tỉnh của đơn vị đó.' : '.'),
      en:
        `The files mix provincial summaries (${summaries.length}: ${quote(summaries)}) and units' returns (${returns.length}: ${quote(returns)}). ` +
        'A national merge takes provinces’ summaries; a provincial merge takes units’ returns. Separate the two kinds' +
        (allowMixed ? ', or add --mixed to count each unit return under its own province.' : '.'),
    };
  },
  ignoredOptions: (options: string[]): Message => ({
    vi: `Không dùng ${options.join(', ')} khi tổng hợp các bảng tổng hợp của tỉnh: mỗi bảng đã ghi tỉnh của nó, và tỷ lệ đúng hạn là của tỉnh đó.`,
    en: `${options.join(', ')} not used when merging provincial summaries: each summary names its own province, and its on-time figure is the province's own.`,
  }),
  rosterWithSummaries: {
    vi: '--roster là danh sách đơn vị của một tỉnh, không dùng khi tổng hợp các bảng tổng hợp của tỉnh: mỗi bảng tổng hợp đã ghi số đơn vị phải báo cáo.',
    en: '--roster is one province’s list of units, not used when merging provincial summaries: each summary already gives its expected units.',
  },
} satisfies Catalogue;
