// The catalogue of the product's messages: every problem code a return, a merge or a
// roster can carry, mapped to its text in plain Vietnamese (what is wrong, what to do)
// and English. A code is a key of PROBLEM_MESSAGES; its entry makes the text from the details.
import { Catalogue, Message } from './i18n';
import { NumberReason, formatVnNumber } from './numbers';
import { FORM_LABELS } from './form';
import { GroupDef, MEASURE_INFO, Measure, MeasureInfo } from './vocabulary';
import { NATIONAL_PROBLEMS } from './national-messages';

const vnd = (n: number) => `${formatVnNumber(n)} đồng`;
const enNum = (n: number) => n.toLocaleString('en-US');

/** "Cột 4 (Ngân sách của cơ quan, đơn vị)" / "Column 4 (Unit's own budget)". */
function column(m: Measure): Message {
  const info: MeasureInfo = MEASURE_INFO[m];
  return { vi: `Cột ${info.no} (${info.label.vi})`, en: `Column ${info.no} (${info.label.en})` };
}

const REASON: Record<NumberReason, Message> = {
  empty: { vi: 'đang để trống', en: 'is empty' },
  notWhole: { vi: 'có phần lẻ, không phải số nguyên', en: 'has a fractional part' },
  negative: { vi: 'là số âm', en: 'is negative' },
  ambiguous: {
    vi: 'không rõ là số nào (dấu chấm, dấu phẩy hay khoảng trắng phải chia đúng từng nhóm 3 chữ số, ví dụ 1.200.000)',
    en: 'is ambiguous (dots, commas or spaces must separate groups of exactly 3 digits, e.g. 1.200.000)',
  },
  notNumber: { vi: 'không phải là số', en: 'is not a number' },
  tooLarge: { vi: 'quá lớn', en: 'is too large' },
};

/** Hint for 1.2 stored as a number: someone typed "1.200" where "." is the decimal point. */
function decimalHint(value: unknown): Message {
  if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value) && Number.isInteger(Math.round(value * 1000 * 1e6) / 1e6)) {
    const meant = formatVnNumber(Math.round(value * 1000));
    return {
      vi: ` Nếu định ghi ${meant}, hãy gõ ${meant.replace(/\./g, '')} (không gõ dấu chấm, vì máy đang hiểu dấu chấm là dấu thập phân).`,
      en: ` If you meant ${meant}, type ${meant.replace(/\./g, '')} without the dot (this computer reads the dot as a decimal point).`,
    };
  }
  return { vi: '', en: '' };
}

const RETURN_MESSAGES = {
  'form.notFound'(sheets: string[]): Message {
    const list = sheets.length ? sheets.map((s) => `“${s}”`).join(', ') : '';
    return {
      vi:
        `Không tìm thấy biểu mẫu báo cáo trong tệp: không trang tính nào${list ? ` (${list})` : ''} có dòng đánh số cột “1 | 2 | 3=4+5 | 4 | 5” ngay dưới tiêu đề bảng. ` +
        `Hãy điền số liệu vào đúng biểu mẫu gửi kèm kế hoạch, giữ nguyên dòng đánh số cột và dòng “${FORM_LABELS.total}”, rồi gửi lại.`,
      en:
        `No reporting form found in the file: no sheet${list ? ` (${list})` : ''} has the column-number row “1 | 2 | 3=4+5 | 4 | 5” under the table header. ` +
        `Fill in the form sent with the plan, keep the column-number row and the “${FORM_LABELS.total}” row, and send it again.`,
    };
  },
  'form.ambiguous'(sheets: string[]): Message {
    const list = sheets.map((x) => `“${x}”`).join(', ');
    return {
      vi: `Tệp có ${sheets.length} biểu đã điền (trang ${list}) mà không rõ biểu nào là báo cáo năm nay. Hãy xoá các biểu thừa, chỉ giữ một biểu, rồi gửi lại.`,
      en: `The file holds ${sheets.length} filled forms (sheets ${list}) and nothing shows which is this year's report. Delete the extra forms, keep one, and send it again.`,
    };
  },
  'file.newerRejected'(newer: string, used: string): Message {
    return {
      vi: `Đơn vị đã gửi tệp mới hơn “${newer}” nhưng tệp đó có lỗi nên chưa dùng được; bảng tổng hợp đang dùng tệp cũ “${used}”. Hãy đề nghị đơn vị sửa lỗi và gửi lại.`,
      en: `The unit sent a newer file “${newer}”, but it has errors and cannot be used; the summary uses the older “${used}”. Ask the unit to fix it and send it again.`,
    };
  },
  'duplicate.sameTime'(used: string, others: string[], rule: 'fileTime' | 'name'): Message {
    const list = others.map((f) => `“${f}”`).join(', ');
    if (rule === 'fileTime')
      return {
        vi: `Đơn vị có nhiều tệp ghi cùng thời điểm lưu (${list} và “${used}”); đã dùng “${used}” vì theo giờ sửa tệp trên máy, tệp này được sửa sau cùng. Hãy kiểm tra lại với đơn vị.`,
        en: `The unit has several files recording the same saved time (${list} and “${used}”); “${used}” was used because the file system shows it was modified last. Check with the unit.`,
      };
    return {
      vi: `Đơn vị có nhiều tệp cùng thời điểm lưu (${list} và “${used}”); cả giờ sửa tệp trên máy cũng như nhau, không biết tệp nào mới hơn nên đã dùng “${used}” theo tên tệp. Hãy kiểm tra lại với đơn vị.`,
      en: `The unit has several files saved at the same time (${list} and “${used}”); their file system times are equal too, so with no way to tell which is newer, “${used}” was used by file name. Check with the unit.`,
    };
  },
  'rows.belowTotal'(row: number): Message {
    return {
      vi: `Dòng ${row} có số liệu nhưng nằm dưới dòng “Tổng”, nên không được cộng vào biểu. Hãy chèn thêm dòng phía trên dòng “Tổng” và chuyển số liệu lên đó.`,
      en: `Row ${row} has figures but lies below the “Tổng” row, so the form does not add it up. Insert a row above “Tổng” and move the figures there.`,
    };
  },
  'form.several'(used: string, others: string[]): Message {
    return {
      vi: `Tệp có ${others.length + 1} biểu mẫu; đã đọc biểu trên trang “${used}”, bỏ qua ${others.map((s) => `“${s}”`).join(', ')}. Mỗi tệp chỉ nên có một biểu.`,
      en: `The file holds ${others.length + 1} forms; read the one on sheet “${used}” and ignored ${others.map((s) => `“${s}”`).join(', ')}. Send one form per file.`,
    };
  },
  'unit.formulaLike'(name: string): Message {
    return {
      vi: `Tên đơn vị “${name}” bắt đầu bằng dấu “${name[0]}”: đã giữ nguyên là chữ, không chạy như công thức, và bỏ dấu này khi đối chiếu danh sách đơn vị. Nếu ghi nhầm, hãy xoá dấu “${name[0]}” ở đầu tên.`,
      en: `The unit name “${name}” starts with “${name[0]}”: it was kept as plain text, never run as a formula, and the sign is ignored when matching the list of units. If it is a slip, delete the leading “${name[0]}”.`,
    };
  },
  'unit.missing'(labelFound = true): Message {
    if (!labelFound) {
      return {
        vi: `Không thấy tên đơn vị báo cáo: ở đầu biểu không còn chữ “${FORM_LABELS.unitHeading}”. Hãy ghi lại chữ “${FORM_LABELS.unitHeading}” ở góc trên bên trái và ghi tên đơn vị vào ô ngay dưới.`,
        en: `No reporting unit name: the “${FORM_LABELS.unitHeading}” label at the top of the form is gone. Put the label back at the top left and write the unit's name in the cell below it.`,
      };
    }
    return {
      vi: `Chưa ghi tên đơn vị báo cáo. Hãy ghi tên đơn vị vào ô ngay dưới chữ “${FORM_LABELS.unitHeading}”.`,
      en: `The reporting unit's name is missing. Write it in the cell just below “${FORM_LABELS.unitHeading}”.`,
    };
  },
  'participants.invalid'(m: Measure, shown: string, reason: NumberReason, value: unknown): Message {
    const money = MEASURE_INFO[m].kind === 'money';
    const col = column(m);
    const hint = decimalHint(value);
    return {
      vi:
        `${col.vi}: “${shown}” ${REASON[reason].vi}. ` +
        (money ? 'Hãy ghi số tiền bằng đồng, số nguyên không âm, ví dụ 5000000 hoặc 5.000.000.' : 'Hãy ghi số người là số nguyên không âm, ví dụ 120.') +
        hint.vi,
      en:
        `${col.en}: “${shown}” ${REASON[reason].en}. ` +
        (money ? 'Enter the amount in đồng as a whole number ≥ 0, e.g. 5000000 or 5.000.000.' : 'Enter the number of people as a whole number ≥ 0, e.g. 120.') +
        hint.en,
    };
  },
  'cell.errorValue'(m: Measure, err: string): Message {
    const col = column(m);
    return {
      vi: `${col.vi}: ô đang báo lỗi ${err}. Hãy sửa công thức hoặc nhập số trực tiếp.`,
      en: `${col.en}: the cell shows the error ${err}. Fix the formula or type the number.`,
    };
  },
  'cell.formulaNoValue'(m: Measure): Message {
    const col = column(m);
    return {
      vi: `${col.vi}: ô có công thức nhưng tệp không lưu kết quả. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi, hoặc nhập số trực tiếp.`,
      en: `${col.en}: the cell holds a formula but the file has no saved result. Open and save the file in Excel or LibreOffice, or type the number.`,
    };
  },
  'number.text'(m: Measure, shown: string, value: number): Message {
    const col = column(m);
    return {
      vi: `${col.vi}: “${shown}” được lưu dạng chữ, đã đọc là ${formatVnNumber(value)}. Nên nhập lại thành số để bảng tự cộng.`,
      en: `${col.en}: “${shown}” is stored as text; read as ${enNum(value)}. Re-enter it as a number so the sheet adds it up.`,
    };
  },
  'total.mismatch'(total: number, budget: number, other: number): Message {
    return {
      vi:
        `Cột 3 (Tổng kinh phí) ghi ${vnd(total)} nhưng cột 4 + cột 5 = ${vnd(budget)} + ${vnd(other)} = ${vnd(budget + other)}. ` +
        'Cột 3 phải bằng cột 4 cộng cột 5: hãy sửa số cho khớp (hoặc xoá số ở cột 3 để bảng tự tính).',
      en:
        `Column 3 (total funding) says ${enNum(total)} but column 4 + column 5 = ${enNum(budget)} + ${enNum(other)} = ${enNum(budget + other)}. ` +
        'Column 3 must equal column 4 plus column 5: correct the figures (or clear column 3 to let the sheet compute it).',
    };
  },
  'funding.noBreakdown'(total: number): Message {
    return {
      vi: `Thiếu phân bổ kinh phí: dòng này chỉ ghi tổng kinh phí ${vnd(total)} ở cột 3, chưa chia ra cột 4 (ngân sách của cơ quan, đơn vị) và cột 5 (vận động khác). Hãy ghi số tiền vào cột 4 và cột 5.`,
      en: `Funding not broken down: this row gives only a total of ${enNum(total)} đồng in column 3, not split into column 4 (unit's budget) and column 5 (other funds). Fill in columns 4 and 5.`,
    };
  },
  'total.computed'(budget: number, other: number): Message {
    return {
      vi: `Cột 3 có công thức nhưng tệp không lưu kết quả; đã tự tính cột 3 = cột 4 + cột 5 = ${vnd(budget + other)}.`,
      en: `Column 3 holds a formula with no saved result; computed column 3 = column 4 + column 5 = ${enNum(budget + other)} đồng.`,
    };
  },
  'total.formulaStale'(shown: number, budget: number, other: number): Message {
    return {
      vi: `Cột 3 có công thức cho kết quả ${vnd(shown)}, khác cột 4 + cột 5 = ${vnd(budget + other)}; đã dùng ${vnd(budget + other)}. Hãy kiểm tra lại công thức ở cột 3.`,
      en: `Column 3's formula gives ${enNum(shown)}, not column 4 + column 5 = ${enNum(budget + other)}; used ${enNum(budget + other)}. Check the formula in column 3.`,
    };
  },
  'participants.implausible'(n: number): Message {
    return {
      vi: `Số người tham gia ${formatVnNumber(n)} là rất lớn cho một hoạt động; hãy kiểm tra có gõ thừa số 0 không.`,
      en: `${enNum(n)} participants is very large for one activity; check for extra zeros.`,
    };
  },
  'money.implausible'(n: number): Message {
    return {
      vi: `Kinh phí ${vnd(n)} (trên 10 tỷ đồng) là rất lớn cho một hoạt động; hãy kiểm tra có gõ thừa số 0 không.`,
      en: `Funding of ${enNum(n)} đồng (over 10 billion) is very large for one activity; check for extra zeros.`,
    };
  },
  'sum.disagrees'(m: Measure, written: number, computed: number): Message {
    const { no, label } = MEASURE_INFO[m];
    return {
      vi: `Dòng “${FORM_LABELS.total}”, cột ${no} (${label.vi}) ghi ${formatVnNumber(written)} nhưng cộng các dòng được ${formatVnNumber(computed)}; đã dùng số cộng từ các dòng. Hãy sửa dòng Tổng hoặc các dòng số liệu.`,
      en: `The “${FORM_LABELS.total}” row, column ${no} (${label.en}) says ${enNum(written)} but the rows add up to ${enNum(computed)}; the rows' sum was used. Correct the total or the rows.`,
    };
  },
  'totalRow.missing'(): Message {
    return {
      vi: `Không thấy dòng “${FORM_LABELS.total}” dưới bảng; đã đọc các dòng từ dòng đánh số cột đến hết bảng. Hãy giữ dòng “${FORM_LABELS.total}” ở cuối bảng.`,
      en: `No “${FORM_LABELS.total}” row under the table; read the rows from the column-number row to the end of the table. Keep the “${FORM_LABELS.total}” row at the end.`,
    };
  },
  'year.differs'(found: number, expected: number): Message {
    return {
      vi: `Biểu ghi năm ${found}, không phải năm ${expected} đang tổng hợp. Hãy kiểm tra đơn vị có gửi nhầm biểu năm cũ không.`,
      en: `The form says ${found}, not the campaign year ${expected}. Check that this is not last year's return.`,
    };
  },
  'problems.truncated'(more: number): Message {
    return {
      vi: `Còn ${more} vấn đề khác trong tệp này không liệt kê hết; hãy sửa các lỗi trên rồi kiểm tra lại.`,
      en: `${more} more problems in this file are not listed; fix the ones above and check again.`,
    };
  },
  'rows.none'(): Message {
    return { vi: 'Biểu chưa có dòng số liệu nào; đơn vị được tính là đã báo cáo với số liệu bằng 0.', en: 'The form has no filled rows; the unit counts as reported with zero figures.' };
  },
  'activity.tickUnclear'(label: string, shown: string): Message {
    return {
      vi: `Ô đánh dấu hình thức “${label}” ghi “${shown}”, không phải dấu x: hình thức này được coi là chưa tổ chức. Nếu đơn vị đã tổ chức, hãy ghi x.`,
      en: `The tick cell for “${label}” holds “${shown}”, not an x: it is read as not held. If the unit held it, type x.`,
    };
  },
  'reportDate.invalid'(text: string): Message {
    return {
      vi: `Ngày ký báo cáo ở cuối biểu (“${text}”) không phải một ngày hợp lệ; đã dùng ngày lưu tệp thay thế.`,
      en: `The report date at the foot of the form (“${text}”) is not a valid date; the file's saved date is used instead.`,
    };
  },
  'result.invalid'(): Message {
    return { vi: 'Kết quả đọc tệp không hợp lệ (lỗi chương trình); hãy gửi tệp này cho bộ phận kỹ thuật.', en: 'The result read from this file is malformed (a program error); send the file to support.' };
  },
};

const ROSTER_MESSAGES = {
  'roster.badRow'(line: number): Message {
    return { vi: `Dòng ${line}: không đọc được dòng này của danh sách đơn vị.`, en: `Line ${line}: this roster line cannot be read.` };
  },
  'roster.noUnit'(line: number): Message {
    return { vi: `Dòng ${line}: thiếu tên đơn vị, đã bỏ qua dòng này.`, en: `Line ${line}: no unit name; the line was skipped.` };
  },
  'roster.groupInferred'(line: number, unit: string, g: GroupDef): Message {
    return {
      vi: `Dòng ${line}: đơn vị “${unit}” chưa ghi nhóm; đã xếp vào nhóm “${g.heading}” theo tên. Hãy ghi cột Nhóm nếu chưa đúng.`,
      en: `Line ${line}: “${unit}” has no group; put in “${g.id}. ${g.label.en}” from its name. Fill in the group column if that is wrong.`,
    };
  },
  'roster.unknownGroup'(line: number, groupText: string, unit: string, groups: readonly GroupDef[]): Message {
    return {
      vi: `Dòng ${line}: nhóm “${groupText}” của đơn vị “${unit}” không rõ là nhóm nào. Hãy ghi I, II, III, IV hoặc V (${groups.map((g) => g.heading).join('; ')}).`,
      en: `Line ${line}: group “${groupText}” of “${unit}” is not recognised. Write I, II, III, IV or V (${groups.map((g) => `${g.id}. ${g.label.en}`).join('; ')}).`,
    };
  },
  'roster.duplicate'(line: number, unit: string, first: string): Message {
    return {
      vi: `Dòng ${line}: đơn vị “${unit}” trùng với “${first}” đã có trong danh sách; chỉ tính một lần.`,
      en: `Line ${line}: “${unit}” is the same unit as “${first}”; counted once.`,
    };
  },
  'roster.tooLong'(max: number): Message {
    return {
      vi: `Danh sách đơn vị quá dài (hơn ${max} dòng): đây không phải danh sách đơn vị báo cáo.`,
      en: `The roster is too long (more than ${max} rows): this is not a list of reporting units.`,
    };
  },
  'roster.empty'(): Message {
    return { vi: 'Danh sách đơn vị không có đơn vị nào dưới dòng tiêu đề “Đơn vị”, “Nhóm”.', en: 'The roster lists no unit under its "Đơn vị", "Nhóm" header.' };
  },
  'roster.encoding'(): Message {
    return {
      vi: 'Tệp CSV không dùng mã UTF-8 nên chữ tiếng Việt bị lỗi. Hãy lưu lại bằng Excel: Tệp > Lưu thành > “CSV UTF-8 (Comma delimited)”.',
      en: 'The CSV file is not UTF-8, so Vietnamese text would be garbled. Save it again from Excel as "CSV UTF-8 (Comma delimited)".',
    };
  },
  'roster.noHeader'(unit: boolean, group: boolean): Message {
    const missing = !unit && !group ? ['Đơn vị', 'Nhóm'] : !unit ? ['Đơn vị'] : ['Nhóm'];
    const vi = missing.map((m) => `“${m}”`).join(' và ');
    const en = missing.map((m) => `"${m}"`).join(' and ');
    return {
      vi: `Danh sách đơn vị thiếu cột ${vi}. Dòng tiêu đề phải có hai cột “Đơn vị” và “Nhóm” (ví dụ nhóm: “Các sở, ngành”, “UBND các huyện, thành phố”).`,
      en: `The roster has no ${en} column. Its header row needs the two columns "Đơn vị" (unit) and "Nhóm" (group).`,
    };
  },
};

// Units of the two-level country (campaigns from 2026 on) and forms pre-filled for one unit.
const UNIT_MESSAGES = {
  'unit.formerCommune'(written: string, former: string, now: string, rosterUnit?: string): Message {
    return {
      vi: `“${written}”: ${former} nay thuộc ${now} (sắp xếp đơn vị hành chính từ 1/7/2025); số liệu được tính cho ${rosterUnit ?? now}. Đề nghị đơn vị ghi tên mới trong các lần báo cáo sau.`,
      en: `“${written}”: ${former} is now part of ${now} (administrative reorganisation of 1/7/2025); its figures count for ${rosterUnit ?? now}. Ask the unit to use the new name next time.`,
    };
  },
  'unit.splitCommune'(written: string, former: string, now: string[]): Message {
    return {
      vi: `“${written}”: ${former} đã được chia vào ${now.join(', ')} từ 1/7/2025, không rõ báo cáo này thuộc đơn vị nào nên được xếp vào “Đơn vị khác”. Hãy hỏi lại đơn vị và ghi đúng tên xã, phường mới.`,
      en: `“${written}”: ${former} was divided between ${now.join(', ')} on 1/7/2025, so which unit this is cannot be told; it was put under “Other units”. Check with the unit and use the new commune's name.`,
    };
  },
  'unit.districtAbolished'(written: string): Message {
    return {
      vi: `“${written}”: cấp huyện đã bỏ từ 1/7/2025 (chính quyền địa phương hai cấp), nên đơn vị này được xếp vào “Đơn vị khác”, số liệu giữ nguyên. Nếu đây là báo cáo của một xã, phường, hãy đề nghị ghi tên xã, phường đó.`,
      en: `“${written}”: the district level was abolished on 1/7/2025 (two-level local government), so this unit was put under “Other units”, its figures intact. If it reports for a commune or ward, ask it to write that name.`,
    };
  },
  'unit.townAbolished'(written: string): Message {
    return {
      vi: `“${written}”: thị trấn không còn từ 1/7/2025 và danh mục đơn vị hành chính không cho biết đơn vị mới tương ứng, nên được xếp vào “Đơn vị khác”, số liệu giữ nguyên.`,
      en: `“${written}”: towns (thị trấn) no longer exist since 1/7/2025 and the national list does not say which unit it became, so it was put under “Other units”, its figures intact.`,
    };
  },
  'unit.issuedChanged'(issued: string, written: string): Message {
    return {
      vi: `Biểu này được lập sẵn cho “${issued}” nhưng tên đơn vị đã bị sửa thành “${written}”. Bảng tổng hợp tính theo tên đã sửa; hãy hỏi lại đơn vị xem báo cáo này của đơn vị nào.`,
      en: `This form was made for “${issued}”, but its unit name was changed to “${written}”. The summary goes by the changed name; check with the unit whose report this is.`,
    };
  },
};

/** Every problem code the core knows, with the function making its message. */
export const PROBLEM_MESSAGES = {
  ...RETURN_MESSAGES,
  // One wording for every amount or count that is not a usable number.
  'money.invalid': RETURN_MESSAGES['participants.invalid'],
  'total.invalid': RETURN_MESSAGES['participants.invalid'],
  ...ROSTER_MESSAGES,
  ...UNIT_MESSAGES,
  ...NATIONAL_PROBLEMS,
} satisfies Catalogue;

export type CatalogueCode = keyof typeof PROBLEM_MESSAGES;
/** A refusal by the file reader ("file.empty", "file.damaged", …): its texts live with the reader (src/workbook). */
export type ReaderCode = `file.${string}`;
export type ProblemCode = CatalogueCode | ReaderCode;
export type RosterCode = Extract<CatalogueCode, `roster.${string}`>;

/** The message for a code, made from its details: `problemMessage('year.differs', 2024, 2025)`. */
export function problemMessage<K extends CatalogueCode>(code: K, ...args: Parameters<(typeof PROBLEM_MESSAGES)[K]>): Message {
  return (PROBLEM_MESSAGES[code] as (...a: Parameters<(typeof PROBLEM_MESSAGES)[K]>) => Message)(...args);
}
