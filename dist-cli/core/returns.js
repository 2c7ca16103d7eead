"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MergeSummarySchema = exports.GROUPS = exports.FileRejected = void 0;
// Shapes shared by reading, validating and merging returned forms.
// A file is first read into a RawWorkbook (library-free grid), then the core finds
// the form in it, validates every row and turns it into a ReturnResult.
const zod_1 = require("zod");
/** A file that could not even be read as a spreadsheet (wrong format, damaged, hostile). */
class FileRejected extends Error {
    constructor(file, code, text) {
        super(`${file}: ${text.vi}`);
        this.file = file;
        this.code = code;
        this.text = text;
        this.name = 'FileRejected';
    }
}
exports.FileRejected = FileRejected;
exports.GROUPS = [
    { id: 'I', key: 'departments', heading: 'I. Các sở, ngành', label: { vi: 'Các sở, ngành', en: 'Provincial departments' } },
    { id: 'II', key: 'districts', heading: 'II. UBND các huyện, thành phố', label: { vi: 'UBND các huyện, thành phố', en: 'District People’s Committees' } },
    { id: 'III', key: 'associations', heading: 'III. Các hội, đoàn thể', label: { vi: 'Các hội, đoàn thể', en: 'Mass organisations' } },
    { id: 'IV', key: 'facilities', heading: 'IV. Các cơ sở trợ giúp xã hội', label: { vi: 'Các cơ sở trợ giúp xã hội', en: 'Social assistance facilities' } },
    { id: 'V', key: 'other', heading: 'V. Đơn vị khác', label: { vi: 'Đơn vị khác', en: 'Other units' } },
];
/** The --json shape (issue 3); extra fields allowed. */
exports.MergeSummarySchema = zod_1.z.object({
    accepted: zod_1.z.array(zod_1.z.object({
        file: zod_1.z.string(),
        unit: zod_1.z.string(),
        group: zod_1.z.string(),
        participants: zod_1.z.number().int(),
        totalFunding: zod_1.z.number().int(),
        budget: zod_1.z.number().int(),
        otherFunding: zod_1.z.number().int(),
        rows: zod_1.z.number().int(),
    })),
    rejected: zod_1.z.array(zod_1.z.object({
        file: zod_1.z.string(),
        issues: zod_1.z.array(zod_1.z.object({ sheet: zod_1.z.string().optional(), cell: zod_1.z.string().optional(), severity: zod_1.z.enum(['error', 'warning']), message: zod_1.z.string() })),
    })),
    superseded: zod_1.z.array(zod_1.z.object({ file: zod_1.z.string(), unit: zod_1.z.string(), by: zod_1.z.string() })),
    warnings: zod_1.z.array(zod_1.z.object({ file: zod_1.z.string(), sheet: zod_1.z.string().optional(), cell: zod_1.z.string().optional(), message: zod_1.z.string() })),
    totals: zod_1.z.object({ participants: zod_1.z.number().int(), totalFunding: zod_1.z.number().int(), budget: zod_1.z.number().int(), otherFunding: zod_1.z.number().int() }),
    coverage: zod_1.z.object({ expected: zod_1.z.number().int(), reported: zod_1.z.number().int(), missing: zod_1.z.array(zod_1.z.string()) }),
});
