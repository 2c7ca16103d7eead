// What a commune was formed from, read from the national list's free text ("sap_xep_tu") only where it
// names whole units: "Xã Khánh Long, Xã Cao Minh, Xã Đoàn Kết" yes; "một phần diện tích … của các phường
// Cửa Nam, Điện Biên" or "Xã Khánh Thuận (phần còn lại sau khi sáp nhập vào xã U Minh)" are parts, never guessed.
import { CommuneType } from './commune-names';
import { cleanPlaceText } from './name-keys';

export interface FormerUnit {
  type: CommuneType;
  /** The name proper, as the list writes it: "Hồng Kỳ". */
  name: string;
  /** The district the list names to tell two units of one name apart: "huyện Bình Gia" gives "Bình Gia"… */
  district?: string;
  /** …and the note as written, "huyện Bình Gia". */
  districtNote?: string;
}

export interface FormedFrom {
  /** "giữ nguyên": the unit was kept as it was. */
  unchanged: boolean;
  /** Units that joined whole. */
  whole: FormerUnit[];
  /** Units only part of which joined, or that the text names in a way not read as whole (type unknown when the text omits it). */
  partial: { type?: CommuneType; name: string }[];
}

const TYPE_WORDS: [CommuneType, string][] = [['thi-tran', 'thị trấn'], ['dac-khu', 'đặc khu'], ['phuong', 'phường'], ['xa', 'xã']];
const TYPE_AT_START = /^(Xã|Phường|Thị trấn|Đặc khu|xã|phường|thị trấn|đặc khu)\s+/u;
const TYPE_ANYWHERE = /(?:^|[\s(])(Xã|Phường|Thị trấn|Đặc khu|xã|phường|thị trấn|đặc khu)\s+((?:[\p{Lu}\d][\p{L}\d'’]*)(?:\s+(?:[\p{Lu}\d][\p{L}\d'’]*|trường))*)/gu;
// Words of prose, not of a name: a segment holding one is not a list of whole units.
const PROSE = /\b(?:một|phần|toàn bộ|diện tích|quy mô|dân số|sau khi|sắp xếp|sáp nhập|của|còn lại|các|TN)(?=\s|$|,)/iu;
const DISTRICT_NOTE = /^(?:huyện|quận|Quận|thị xã|thành phố)\s+(.+)$/u;
const CAPITALISED_RUN = /^((?:[\p{Lu}\d][\p{L}\d'’]*)(?:\s+[\p{Lu}\d][\p{L}\d'’]*)*)/u;

const typeOf = (word: string): CommuneType => TYPE_WORDS.find(([, w]) => w === word.toLowerCase())![0];

/** Splits on commas and " và " outside brackets. */
function segments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';')) {
      out.push(cur);
      cur = '';
    } else if (depth === 0 && text.startsWith(' và ', i)) {
      out.push(cur);
      cur = '';
      i += 3;
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => cleanPlaceText(s)).filter((s) => s !== '');
}

export function parseFormedFrom(text: string): FormedFrom {
  const t = cleanPlaceText(text);
  const result: FormedFrom = { unchanged: /^giữ nguyên$/iu.test(t), whole: [], partial: [] };
  if (result.unchanged || t === '') return result;
  for (const seg of segments(t)) {
    const start = TYPE_AT_START.exec(seg);
    if (start) {
      const rest = seg.slice(start[0].length);
      const m = /^([^()]+?)\s*(?:\(([^()]*)\))?$/u.exec(rest);
      const name = m?.[1].trim();
      const note = m?.[2]?.trim();
      if (name && !PROSE.test(name) && CAPITALISED_RUN.exec(name)?.[1].length === name.length) {
        const district = note ? DISTRICT_NOTE.exec(note)?.[1].trim() : undefined;
        if (note === undefined || district || /^bao gồm/u.test(note)) {
          result.whole.push({ type: typeOf(start[1]), name, ...(district ? { district, districtNote: note } : {}) });
          continue;
        }
        if (/phần/u.test(note)) {
          result.partial.push({ type: typeOf(start[1]), name });
          continue;
        }
      }
    }
    // Prose: every unit it names counts as a part, typed when the text says its type, else by its bare name.
    let named = false;
    for (const m of seg.matchAll(TYPE_ANYWHERE)) {
      // "của các phường Phường Giảng Võ": the type written twice.
      result.partial.push({ type: typeOf(m[1]), name: m[2].replace(TYPE_AT_START, '') });
      named = true;
    }
    const lead = CAPITALISED_RUN.exec(seg)?.[1];
    if (!named && lead && !PROSE.test(lead) && !/^(?:Toàn|Một|Phần)$/u.test(lead.split(' ')[0])) result.partial.push({ name: lead });
  }
  return result;
}
