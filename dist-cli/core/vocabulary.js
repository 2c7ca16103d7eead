"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.YEAR_RANGE = exports.FIRST_EDITION_YEAR = exports.RosterEntrySchema = exports.GROUPS = exports.GROUPS_2017 = exports.DISTRICT_LEVEL = exports.GroupIdSchema = exports.GROUP_IDS = exports.TotalsSchema = exports.MEASURE_INFO = exports.MeasureSchema = exports.MEASURES = void 0;
exports.measureShape = measureShape;
exports.zeroTotals = zeroTotals;
exports.addTotals = addTotals;
exports.sumTotals = sumTotals;
exports.groupSetForYear = groupSetForYear;
exports.groupOf = groupOf;
exports.groupNumeral = groupNumeral;
exports.isCampaignYear = isCampaignYear;
exports.editionOf = editionOf;
exports.fileBaseName = fileBaseName;
// The domain's words, declared once: the four measures a return reports, the groups
// units are sorted into (as data a campaign year selects), and the roster's shape.
// Schemas first; every type is inferred from its schema.
const zod_1 = require("zod");
// ---- Measures -------------------------------------------------------------------
/** What each row of a return reports, in the form's column order (columns 2 to 5). */
exports.MEASURES = ['participants', 'totalFunding', 'budget', 'otherFunding'];
exports.MeasureSchema = zod_1.z.enum(exports.MEASURES);
exports.MEASURE_INFO = {
    participants: { label: { vi: 'Số người tham gia', en: 'Participants' }, no: '2', formNumber: '2', kind: 'count' },
    totalFunding: { label: { vi: 'Tổng kinh phí thực hiện', en: 'Total funding' }, no: '3', formNumber: '3=4+5', kind: 'money' },
    budget: { label: { vi: 'Ngân sách của cơ quan, đơn vị', en: "Unit's own budget" }, no: '4', formNumber: '4', kind: 'money' },
    otherFunding: { label: { vi: 'Vận động khác', en: 'Other mobilised funds' }, no: '5', formNumber: '5', kind: 'money' },
};
/** An object with one field per measure, each of the given schema. */
function measureShape(field) {
    return Object.fromEntries(exports.MEASURES.map((m) => [m, field]));
}
exports.TotalsSchema = zod_1.z.object(measureShape(zod_1.z.number().int()));
function zeroTotals() {
    return { participants: 0, totalFunding: 0, budget: 0, otherFunding: 0 };
}
/** a + b, measure by measure. */
function addTotals(a, b) {
    const out = zeroTotals();
    for (const m of exports.MEASURES)
        out[m] = a[m] + b[m];
    return out;
}
/** The sum of each measure over rows (or units' totals). */
function sumTotals(rows) {
    const out = zeroTotals();
    for (const r of rows)
        for (const m of exports.MEASURES)
            out[m] += r[m];
    return out;
}
// ---- Groups ----------------------------------------------------------------------
/** Every group id any campaign year uses. */
exports.GROUP_IDS = ['I', 'II', 'III', 'IV', 'V'];
exports.GroupIdSchema = zod_1.z.enum(exports.GROUP_IDS);
/** District level: huyện, thành phố, thị xã, quận, with their abbreviations. */
exports.DISTRICT_LEVEL = String.raw `(?:huyện|h\.|thành phố|tp\.?|thị xã|tx\.?|quận|q\.)`;
/** The five groups of the 2017–2025 campaigns (provinces with districts). */
exports.GROUPS_2017 = {
    groups: [
        {
            id: 'I', key: 'departments', heading: 'I. Các sở, ngành', label: { vi: 'Các sở, ngành', en: 'Provincial departments' },
            names: /^(?:sở|ban|đài|báo|văn phòng|thanh tra|công an|bộ chỉ huy|kho bạc|cục)(?:\s|$)/u,
            words: /sở|ngành|department/u,
        },
        {
            id: 'II', key: 'districts', heading: 'II. UBND các huyện, thành phố', label: { vi: 'UBND các huyện, thành phố', en: 'District People’s Committees' },
            names: new RegExp(String.raw `^(?:(?:ubnd|(?:ủy|uỷ) ban nhân dân)\s*${exports.DISTRICT_LEVEL}|huyện|thành phố|thị xã|quận|tp\.?|tx\.?)(?:(?<=\.)|\s|$)`, 'u'),
            words: /huyện|ubnd|ủy ban nhân dân|uỷ ban nhân dân|district/u,
        },
        {
            id: 'III', key: 'associations', heading: 'III. Các hội, đoàn thể', label: { vi: 'Các hội, đoàn thể', en: 'Mass organisations' },
            names: /^(?:hội|mặt trận|(?:ủy|uỷ) ban (?:mặt trận|mttq)|ubmttq|mttq|đoàn|tỉnh đoàn|thành đoàn|liên đoàn|liên hiệp|liên minh|công đoàn|cựu chiến binh)(?:\s|$)/u,
            words: /hội|đoàn thể|mặt trận|association|mass org/u,
        },
        {
            id: 'IV', key: 'facilities', heading: 'IV. Các cơ sở trợ giúp xã hội', label: { vi: 'Các cơ sở trợ giúp xã hội', en: 'Social assistance facilities' },
            names: /^(?:trung tâm|bệnh viện|quỹ|cơ sở|làng trẻ|trường)(?:\s|$)/u,
            words: /trợ giúp|bảo trợ|cơ sở|facilit/u,
        },
        { id: 'V', key: 'other', heading: 'V. Đơn vị khác', label: { vi: 'Đơn vị khác', en: 'Other units' }, words: /khác|other/u },
    ],
    // Mặt trận's committee starts "Ủy ban", so it is tested before the People's Committees.
    nameOrder: ['III', 'II', 'I', 'IV'],
    wordOrder: ['IV', 'II', 'III', 'I', 'V'],
    fallback: 'V',
};
/** The groups a campaign year's returns are sorted into (one set for every year so far). */
function groupSetForYear(_year) {
    return exports.GROUPS_2017;
}
/** The groups of the default set, in order. */
exports.GROUPS = exports.GROUPS_2017.groups;
function groupOf(id, set = exports.GROUPS_2017) {
    return set.groups.find((g) => g.id === id);
}
/** Roman numeral of a group's place in its set ("I" … "V"). */
function groupNumeral(id, set = exports.GROUPS_2017) {
    return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][set.groups.findIndex((g) => g.id === id)];
}
// ---- Roster ----------------------------------------------------------------------
/** A unit expected to report, and its group. */
exports.RosterEntrySchema = zod_1.z.object({ unit: zod_1.z.string().trim().min(1), group: exports.GroupIdSchema });
// ---- Campaign years ----------------------------------------------------------------
/** The first Social Work Day was 2017: the n-th edition is in year 2016 + n. */
exports.FIRST_EDITION_YEAR = 2017;
/** Years a form, a check or a merge accepts. */
exports.YEAR_RANGE = { min: exports.FIRST_EDITION_YEAR, max: 2100 };
function isCampaignYear(n) {
    return Number.isInteger(n) && n >= exports.YEAR_RANGE.min && n <= exports.YEAR_RANGE.max;
}
function editionOf(year) {
    return year - (exports.FIRST_EDITION_YEAR - 1);
}
// ---- Files -------------------------------------------------------------------------
/** Base name of a file: messages and sheets show names, not where a file was found. */
function fileBaseName(path) {
    return path.split(/[\\/]/).pop() || path;
}
