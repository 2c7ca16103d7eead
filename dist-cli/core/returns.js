"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MergeSummarySchema = exports.FileRejected = exports.ReturnResultSchema = exports.ReturnRowSchema = exports.ProblemSchema = exports.RawWorkbookSchema = exports.FileFormatSchema = exports.RawNameSchema = exports.RawSheetSchema = exports.RectSchema = exports.RawCellSchema = exports.SeveritySchema = void 0;
// Shapes shared by reading, validating and merging returned forms, as schemas with
// their types inferred. A file is first read into a RawWorkbook (library-free grid),
// then the core finds the form in it, validates every row and turns it into a ReturnResult.
const zod_1 = require("zod");
const i18n_1 = require("./i18n");
const vocabulary_1 = require("./vocabulary");
exports.SeveritySchema = zod_1.z.enum(['error', 'warning']);
/** A cell as the file stored it; the core never sees a file library's types. */
exports.RawCellSchema = zod_1.z.object({
    /** The stored value: for a formula cell its cached result, null when none was saved. */
    value: zod_1.z.union([zod_1.z.string(), zod_1.z.number(), zod_1.z.boolean(), zod_1.z.null()]),
    /** Formula text without "=", when the cell holds a formula. */
    formula: zod_1.z.string().optional(),
    /** The cell held an error value such as #VALUE!. */
    error: zod_1.z.string().optional(),
    /** The text the saving program displayed, when it stored one. */
    text: zod_1.z.string().optional(),
});
exports.RectSchema = zod_1.z.object({ r1: zod_1.z.number().int(), c1: zod_1.z.number().int(), r2: zod_1.z.number().int(), c2: zod_1.z.number().int() });
exports.RawSheetSchema = zod_1.z.object({
    name: zod_1.z.string(),
    /** Row-major, 0-based: cells[r][c] is Excel row r+1, column c+1. Holes are empty cells. */
    cells: zod_1.z.array(zod_1.z.array(exports.RawCellSchema.optional())),
    /** Merged areas, 1-based. */
    merges: zod_1.z.array(exports.RectSchema),
});
/** A defined name: the sheet it points at and a 1-based rectangle on it; absent when it does not resolve to one area. */
exports.RawNameSchema = exports.RectSchema.partial().extend({ name: zod_1.z.string(), sheet: zod_1.z.string().optional() });
exports.FileFormatSchema = zod_1.z.enum(['xlsx', 'xls', 'ods']);
exports.RawWorkbookSchema = zod_1.z.object({
    /** Base name of the file, as shown to the user. */
    file: zod_1.z.string(),
    format: exports.FileFormatSchema,
    /** Last-modified time in ms since the epoch (file system or the file's own properties), for choosing between duplicates. */
    modified: zod_1.z.number().optional(),
    sheets: zod_1.z.array(exports.RawSheetSchema),
    names: zod_1.z.array(exports.RawNameSchema),
});
/** A problem's code: a key of the message catalogue (src/core/messages.ts). */
const ProblemCodeSchema = zod_1.z.custom((v) => typeof v === 'string');
exports.ProblemSchema = zod_1.z.object({
    file: zod_1.z.string(),
    sheet: zod_1.z.string().optional(),
    /** A1 address such as "D12". */
    cell: zod_1.z.string().optional(),
    severity: exports.SeveritySchema,
    /** Stable machine code, e.g. "participants.invalid". */
    code: ProblemCodeSchema,
    message: i18n_1.MessageSchema,
});
const whole = zod_1.z.number().int().nonnegative();
exports.ReturnRowSchema = zod_1.z.object({
    /** Excel row number in the returned file. */
    row: zod_1.z.number().int(),
    ...(0, vocabulary_1.measureShape)(whole),
});
/** A returned file read and validated: what a reader, a worker or a JSON file hands to the merge. */
exports.ReturnResultSchema = zod_1.z.object({
    file: zod_1.z.string(),
    format: exports.FileFormatSchema.optional(),
    /** The file's own saved date when it records one, else the file system's time. */
    modified: zod_1.z.number().optional(),
    /** The file system's modification time, when known: decides between duplicates saved in the same second. */
    fileModified: zod_1.z.number().optional(),
    /** Sheet the form was found on. */
    sheet: zod_1.z.string().optional(),
    /** The unit's name exactly as written (trimmed), or undefined when missing. */
    unit: zod_1.z.string().optional(),
    /** Year read from the form's subtitle, if any, and the cell it was read from. */
    year: zod_1.z.number().int().optional(),
    yearCell: zod_1.z.string().optional(),
    rows: zod_1.z.array(exports.ReturnRowSchema),
    problems: zod_1.z.array(exports.ProblemSchema),
    /** error: cannot be merged; otherwise merged (warnings shown). */
    status: zod_1.z.enum(['ok', 'warning', 'error']),
});
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
/** The --json shape (issue 3); extra fields allowed. */
exports.MergeSummarySchema = zod_1.z.object({
    accepted: zod_1.z.array(zod_1.z.object({ file: zod_1.z.string(), unit: zod_1.z.string(), group: zod_1.z.string(), ...(0, vocabulary_1.measureShape)(zod_1.z.number().int()), rows: zod_1.z.number().int() })),
    rejected: zod_1.z.array(zod_1.z.object({
        file: zod_1.z.string(),
        issues: zod_1.z.array(zod_1.z.object({ sheet: zod_1.z.string().optional(), cell: zod_1.z.string().optional(), severity: exports.SeveritySchema, message: zod_1.z.string() })),
    })),
    superseded: zod_1.z.array(zod_1.z.object({ file: zod_1.z.string(), unit: zod_1.z.string(), by: zod_1.z.string() })),
    warnings: zod_1.z.array(zod_1.z.object({ file: zod_1.z.string(), sheet: zod_1.z.string().optional(), cell: zod_1.z.string().optional(), message: zod_1.z.string() })),
    totals: vocabulary_1.TotalsSchema,
    coverage: zod_1.z.object({ expected: zod_1.z.number().int(), reported: zod_1.z.number().int(), missing: zod_1.z.array(zod_1.z.string()) }),
});
