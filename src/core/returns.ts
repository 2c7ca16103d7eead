// Shapes shared by reading, validating and merging returned forms, as schemas with
// their types inferred. A file is first read into a RawWorkbook (library-free grid),
// then the core finds the form in it, validates every row and turns it into a ReturnResult.
import { z } from 'zod';
import { Message, MessageSchema } from './i18n';
import { ProblemCode } from './messages';
import { TotalsSchema, measureShape } from './vocabulary';

export const SeveritySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A cell as the file stored it; the core never sees a file library's types. */
export const RawCellSchema = z.object({
  /** The stored value: for a formula cell its cached result, null when none was saved. */
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  /** Formula text without "=", when the cell holds a formula. */
  formula: z.string().optional(),
  /** The cell held an error value such as #VALUE!. */
  error: z.string().optional(),
  /** The text the saving program displayed, when it stored one. */
  text: z.string().optional(),
});
export type RawCell = z.infer<typeof RawCellSchema>;

export const RectSchema = z.object({ r1: z.number().int(), c1: z.number().int(), r2: z.number().int(), c2: z.number().int() });

export const RawSheetSchema = z.object({
  name: z.string(),
  /** Row-major, 0-based: cells[r][c] is Excel row r+1, column c+1. Holes are empty cells. */
  cells: z.array(z.array(RawCellSchema.optional())),
  /** Merged areas, 1-based. */
  merges: z.array(RectSchema),
});
export type RawSheet = z.infer<typeof RawSheetSchema>;

/** The cell at row r, column c (1-based): readers may give bare values for plain cells. */
export function cellAt(sheet: RawSheet, r: number, c: number): RawCell | undefined {
  const cell = sheet.cells[r - 1]?.[c - 1] as unknown;
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell !== 'object') return { value: cell as RawCell['value'] };
  return cell as RawCell;
}

/** A defined name: the sheet it points at and a 1-based rectangle on it; absent when it does not resolve to one area. */
export const RawNameSchema = RectSchema.partial().extend({ name: z.string(), sheet: z.string().optional() });
export type RawName = z.infer<typeof RawNameSchema>;

export const FileFormatSchema = z.enum(['xlsx', 'xls', 'ods']);

/** A problem's code: a key of the message catalogue (src/core/messages.ts). */
const ProblemCodeSchema = z.custom<ProblemCode>((v) => typeof v === 'string');

export const ProblemSchema = z.object({
  file: z.string(),
  sheet: z.string().optional(),
  /** A1 address such as "D12". */
  cell: z.string().optional(),
  severity: SeveritySchema,
  /** Stable machine code, e.g. "participants.invalid". */
  code: ProblemCodeSchema,
  message: MessageSchema,
});
export type Problem = z.infer<typeof ProblemSchema>;

export const RawWorkbookSchema = z.object({
  /** Base name of the file, as shown to the user. */
  file: z.string(),
  format: FileFormatSchema,
  /** Last-modified time in ms since the epoch (file system or the file's own properties), for choosing between duplicates. */
  modified: z.number().optional(),
  sheets: z.array(RawSheetSchema),
  names: z.array(RawNameSchema),
  /** What the reader had to leave out of the file (warnings), to be shown with the result. */
  problems: z.array(ProblemSchema).optional(),
});
export type RawWorkbook = z.infer<typeof RawWorkbookSchema>;


const whole = z.number().int().nonnegative();

export const ReturnRowSchema = z.object({
  /** Excel row number in the returned file. */
  row: z.number().int(),
  ...measureShape(whole),
});
export type ReturnRow = z.infer<typeof ReturnRowSchema>;

/** A returned file read and validated: what a reader, a worker or a JSON file hands to the merge. */
export const ReturnResultSchema = z.object({
  file: z.string(),
  format: FileFormatSchema.optional(),
  /** The file's own saved date when it records one, else the file system's time. */
  modified: z.number().optional(),
  /** The file system's modification time, when known: decides between duplicates saved in the same second. */
  fileModified: z.number().optional(),
  /** Sheet the form was found on. */
  sheet: z.string().optional(),
  /** The unit's name exactly as written (trimmed), or undefined when missing. */
  unit: z.string().optional(),
  /** Year read from the form's subtitle, if any, and the cell it was read from. */
  year: z.number().int().optional(),
  yearCell: z.string().optional(),
  rows: z.array(ReturnRowSchema),
  /** The activities block's ticked types as printed on the form, in form order; absent when the form has no block. */
  activities: z.array(z.string()).optional(),
  /** What the unit wrote after "Khác (ghi rõ)". */
  otherActivity: z.string().optional(),
  /** "Kết hợp treo băng rôn, khẩu hiệu" ticked; absent when the form has no block. */
  banners: z.boolean().optional(),
  /** The day the unit dated its report, "YYYY-MM-DD": the footer line as filled in, else the file's saved date. */
  reportDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  reportDateSource: z.enum(['footer', 'saved']).optional(),
  /** The footer cell the date was read from. */
  reportDateCell: z.string().optional(),
  problems: z.array(ProblemSchema),
  /** error: cannot be merged; otherwise merged (warnings shown). */
  status: z.enum(['ok', 'warning', 'error']),
});
export type ReturnResult = z.infer<typeof ReturnResultSchema>;

/** A file that could not even be read as a spreadsheet (wrong format, damaged, hostile). */
export class FileRejected extends Error {
  constructor(
    public readonly file: string,
    public readonly code: ProblemCode,
    public readonly text: Message,
  ) {
    super(`${file}: ${text.vi}`);
    this.name = 'FileRejected';
  }
}

/** The --json shape (issue 3); extra fields allowed. */
export const MergeSummarySchema = z.object({
  accepted: z.array(
    z.object({
      file: z.string(),
      unit: z.string(),
      group: z.string(),
      ...measureShape(z.number().int()),
      rows: z.number().int(),
      /** Ticked activity types as printed on the form, in form order; null: the form has no activities block. */
      activities: z.array(z.string()).nullable(),
      otherActivity: z.string().nullable(),
      banners: z.boolean().nullable(),
      reportDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
      reportDateSource: z.enum(['footer', 'saved']).nullable(),
      /** Against `merge --deadline`: null without a deadline or a date. */
      onTime: z.boolean().nullable(),
    }),
  ),
  rejected: z.array(
    z.object({
      file: z.string(),
      issues: z.array(z.object({ sheet: z.string().optional(), cell: z.string().optional(), severity: SeveritySchema, message: z.string() })),
    }),
  ),
  superseded: z.array(z.object({ file: z.string(), unit: z.string(), by: z.string() })),
  warnings: z.array(z.object({ file: z.string(), sheet: z.string().optional(), cell: z.string().optional(), message: z.string() })),
  totals: TotalsSchema,
  coverage: z.object({ expected: z.number().int(), reported: z.number().int(), missing: z.array(z.string()), onTime: z.number().int(), late: z.number().int() }),
});
export type MergeSummary = z.infer<typeof MergeSummarySchema>;
