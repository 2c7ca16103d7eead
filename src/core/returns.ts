// Shapes shared by reading, validating and merging returned forms.
// A file is first read into a RawWorkbook (library-free grid), then the core finds
// the form in it, validates every row and turns it into a ReturnResult.
import { z } from 'zod';
import { Message } from './plan';

export type Severity = 'error' | 'warning';

/** A cell as the file stored it; the core never sees a file library's types. */
export interface RawCell {
  /** The stored value: for a formula cell its cached result, null when none was saved. */
  value: string | number | boolean | null;
  /** Formula text without "=", when the cell holds a formula. */
  formula?: string;
  /** The cell held an error value such as #VALUE!. */
  error?: string;
  /** The text the saving program displayed, when it stored one. */
  text?: string;
}

export interface RawSheet {
  name: string;
  /** Row-major, 0-based: cells[r][c] is Excel row r+1, column c+1. Holes are empty cells. */
  cells: (RawCell | undefined)[][];
  /** Merged areas, 1-based. */
  merges: { r1: number; c1: number; r2: number; c2: number }[];
}

export interface RawName {
  name: string;
  /** Sheet the name points at, and a 1-based rectangle on it; absent when the name does not resolve to one area. */
  sheet?: string;
  r1?: number;
  c1?: number;
  r2?: number;
  c2?: number;
}

export interface RawWorkbook {
  /** Base name of the file, as shown to the user. */
  file: string;
  format: 'xlsx' | 'xls' | 'ods';
  /** Last-modified time in ms since the epoch (file system or the file's own properties), for choosing between duplicates. */
  modified?: number;
  sheets: RawSheet[];
  names: RawName[];
  /** What the reader had to leave out of the file (warnings), to be shown with the result. */
  problems?: Problem[];
}

export interface Problem {
  file: string;
  sheet?: string;
  /** A1 address such as "D12". */
  cell?: string;
  severity: Severity;
  /** Stable machine code, e.g. "participants.notWhole". */
  code: string;
  message: Message;
}

export interface ReturnRow {
  /** Excel row number in the returned file. */
  row: number;
  participants: number;
  totalFunding: number;
  budget: number;
  otherFunding: number;
}

export interface ReturnResult {
  file: string;
  format?: RawWorkbook['format'];
  modified?: number;
  /** Sheet the form was found on. */
  sheet?: string;
  /** The unit's name exactly as written (trimmed), or undefined when missing. */
  unit?: string;
  /** Year read from the form's subtitle, if any, and the cell it was read from. */
  year?: number;
  yearCell?: string;
  rows: ReturnRow[];
  problems: Problem[];
  /** error: cannot be merged; otherwise merged (warnings shown). */
  status: 'ok' | 'warning' | 'error';
}

/** A file that could not even be read as a spreadsheet (wrong format, damaged, hostile). */
export class FileRejected extends Error {
  constructor(
    public readonly file: string,
    public readonly code: string,
    public readonly text: Message,
  ) {
    super(`${file}: ${text.vi}`);
    this.name = 'FileRejected';
  }
}

export const GROUPS = [
  { id: 'I', key: 'departments', heading: 'I. Các sở, ngành', label: { vi: 'Các sở, ngành', en: 'Provincial departments' } },
  { id: 'II', key: 'districts', heading: 'II. UBND các huyện, thành phố', label: { vi: 'UBND các huyện, thành phố', en: 'District People’s Committees' } },
  { id: 'III', key: 'associations', heading: 'III. Các hội, đoàn thể', label: { vi: 'Các hội, đoàn thể', en: 'Mass organisations' } },
  { id: 'IV', key: 'facilities', heading: 'IV. Các cơ sở trợ giúp xã hội', label: { vi: 'Các cơ sở trợ giúp xã hội', en: 'Social assistance facilities' } },
  { id: 'V', key: 'other', heading: 'V. Đơn vị khác', label: { vi: 'Đơn vị khác', en: 'Other units' } },
] as const;

export type GroupId = (typeof GROUPS)[number]['id'];

export interface RosterEntry {
  unit: string;
  group: GroupId;
}

/** The --json shape (issue 3); extra fields allowed. */
export const MergeSummarySchema = z.object({
  accepted: z.array(
    z.object({
      file: z.string(),
      unit: z.string(),
      group: z.string(),
      participants: z.number().int(),
      totalFunding: z.number().int(),
      budget: z.number().int(),
      otherFunding: z.number().int(),
      rows: z.number().int(),
    }),
  ),
  rejected: z.array(
    z.object({
      file: z.string(),
      issues: z.array(z.object({ sheet: z.string().optional(), cell: z.string().optional(), severity: z.enum(['error', 'warning']), message: z.string() })),
    }),
  ),
  superseded: z.array(z.object({ file: z.string(), unit: z.string(), by: z.string() })),
  warnings: z.array(z.object({ file: z.string(), sheet: z.string().optional(), cell: z.string().optional(), message: z.string() })),
  totals: z.object({ participants: z.number().int(), totalFunding: z.number().int(), budget: z.number().int(), otherFunding: z.number().int() }),
  coverage: z.object({ expected: z.number().int(), reported: z.number().int(), missing: z.array(z.string()) }),
});
export type MergeSummary = z.infer<typeof MergeSummarySchema>;
