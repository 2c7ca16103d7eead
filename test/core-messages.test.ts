// Every code of every message catalogue has a Vietnamese and an English text.
import { CLI_TEXT } from '../src/cli/messages';
import { PARAM_MESSAGES } from '../src/core/form';
import { Catalogue, LANGS, Message } from '../src/core/i18n';
import { COVERAGE_TEXT } from '../src/core/merge';
import { PROBLEM_MESSAGES } from '../src/core/messages';
import { NATIONAL_TEXT } from '../src/core/national-messages';
import { NATIONAL_CLI_TEXT } from '../src/cli/national-merge';
import { SUMMARY_TEXT } from '../src/core/summary-plan';
import { GROUPS, GROUPS_2017, GROUPS_2026, MEASURE_INFO, MEASURES } from '../src/core/vocabulary';

type Fn = (...args: never[]) => Message;
/** Details for each code whose text is made from them; the compiler insists on one entry per function code. */
type SampleArgs<C extends Catalogue> = { [K in keyof C as C[K] extends Fn ? K : never]: C[K] extends (...a: infer A) => Message ? A : never };

const problemArgs: SampleArgs<typeof PROBLEM_MESSAGES> = {
  'form.notFound': [['Sheet1']],
  'form.ambiguous': [['A', 'B']],
  'file.newerRejected': ['moi.xlsx', 'cu.xlsx'],
  'duplicate.sameTime': ['a.xlsx', ['b.xlsx'], 'fileTime'],
  'rows.belowTotal': [30],
  'form.several': ['A', ['B']],
  'unit.formulaLike': ['=Sở'],
  'unit.missing': [false],
  'participants.invalid': ['participants', '1,5', 'notWhole', 1.5],
  'money.invalid': ['budget', '1.2', 'ambiguous', 1.2],
  'total.invalid': ['totalFunding', 'x', 'notNumber', 'x'],
  'cell.errorValue': ['budget', '#VALUE!'],
  'cell.formulaNoValue': ['otherFunding'],
  'number.text': ['participants', '12', 12],
  'total.mismatch': [10, 4, 5],
  'funding.noBreakdown': [10],
  'total.computed': [4, 5],
  'total.formulaStale': [8, 4, 5],
  'participants.implausible': [200_000],
  'money.implausible': [20_000_000_000],
  'sum.disagrees': ['budget', 10, 12],
  'totalRow.missing': [],
  'year.differs': [2024, 2025],
  'problems.truncated': [3],
  'rows.none': [],
  'result.invalid': [],
  'activity.tickUnclear': ['Tọa đàm', 'đã tổ chức'],
  'reportDate.invalid': ['ngày 30 tháng 2 năm 2027'],
  'roster.badRow': [3],
  'roster.noUnit': [3],
  'roster.groupInferred': [3, 'Sở Y tế', GROUPS[0]],
  'roster.unknownGroup': [3, 'VII', 'Sở Y tế', GROUPS],
  'roster.duplicate': [3, 'Sở Y tế', 'SỞ Y TẾ'],
  'roster.tooLong': [5000],
  'roster.empty': [],
  'roster.encoding': [],
  'roster.noHeader': [true, false],
  'unit.formerCommune': ['UBND xã Hồng Kỳ', 'Xã Hồng Kỳ', 'Xã Trung Giã', 'UBND xã Trung Giã'],
  'unit.splitCommune': ['UBND xã Bính Xá', 'Xã Bính Xá', ['Xã Đình Lập', 'Xã Kiên Mộc']],
  'unit.districtAbolished': ['UBND huyện Bình Gia'],
  'unit.townAbolished': ['UBND thị trấn X'],
  'unit.issuedChanged': ['UBND xã Vạn Linh', 'UBND xã Hữu Lũng'],
  'summary.notFound': [],
  'summary.isNational': [],
  'summary.totalMissing': [],
  'summary.cellError': ['budget', '#REF!'],
  'summary.formulaNoValue': ['participants'],
  'summary.number.invalid': ['otherFunding', 'khoảng 20'],
  'summary.number.text': ['budget', '1.200', 1200],
  'summary.unitNameMissing': [12],
  'summary.noBreakdown': [5_000_000],
  'summary.rowTotalDisagrees': [10, 4, 5],
  'summary.unitOutsideGroup': ['Sở Y tế'],
  'summary.subtotalDisagrees': ['Các sở, ngành', 'budget', 10, 12],
  'summary.grandTotalDisagrees': ['participants', 10, 12],
  'summary.yearDiffers': [2026, 2027],
  'summary.provinceFromFile': ['Tỉnh Cao Bằng'],
  'summary.provinceMissing': [34],
  'summary.provinceFormer': ['Hải Dương', 'Thành phố Hải Phòng'],
  'summary.coverageStale': [12, 23, 1, 14],
  'summary.noUnits': [],
  'summary.sameTime': ['Lạng Sơn', 'a.xlsx', ['b.xlsx']],
  'return.inSummary': ['Sở Y tế', 'tong-hop.xlsx', 'file'],
  'return.provinceUnknown': [],
};

const nationalArgs: SampleArgs<typeof NATIONAL_TEXT> = {
  mixedInputs: [['tong-hop.xlsx'], ['yte.xlsx']],
  ignoredOptions: [['--deadline', '--province']],
};

const nationalCliArgs: SampleArgs<typeof NATIONAL_CLI_TEXT> = {
  superseded: ['a.xlsx', 'Lạng Sơn', 'b.xlsx'],
  counts: [3, 4, 1, 0, 0],
  totals: [{ participants: 1, totalFunding: 2, budget: 1, otherFunding: 1 }],
  written: ['toan-quoc.xlsx'],
};

const summaryArgs: SampleArgs<typeof SUMMARY_TEXT> = {
  subtitle: [2025, 'Lạng Sơn'],
  nameInFile: ['UBND H. Bình Gia'],
  replaces: ['cu.xlsx'],
  unitWarnings: [2],
  reportedNoRoster: [{ units: 5, rejected: 2, superseded: 1 }],
  groupReported: [2, 3],
  groupExtra: [1],
  notMerged: [1, 2],
  notReported: [3],
  rejectedFiles: ['x.xlsx'],
  placeDate: ['Lạng Sơn', 2025],
  checkCounts: [1, 2, 3, 4],
  supersededBy: ['Sở Y tế', 'moi.xlsx'],
  workbookTitle: [2025],
  onTime: [38, 40, '10/4/2027'],
  late: ['Sở Y tế (3 ngày)'],
  lateDays: ['Sở Y tế', 3],
  undated: [2],
};

const coverageArgs: SampleArgs<typeof COVERAGE_TEXT> = {
  reportedOf: [5, 7],
  groupCount: [40, 65, { vi: 'xã, phường, đặc khu', en: 'communes, wards and special zones' }],
  outsideRoster: [1],
  reportedNoRoster: [5],
};

const cliArgs: SampleArgs<typeof CLI_TEXT> = {
  noSuchPath: ['x'],
  outputIsInput: ['x.xlsx'],
  noFolder: ['d', 'x.xlsx'],
  outputExists: ['x.xlsx'],
  cannotWrite: ['x.xlsx', 'EBUSY'],
  badYear: ['1999'],
  badWorkers: ['0'],
  formWritten: ['x.xlsx'],
  checkSuperseded: ['a', 'u', 'b'],
  checkCounts: [3, 1],
  rosterNotFound: ['r.csv'],
  mergeSuperseded: ['a', 'u', 'b'],
  mergeCounts: [1, 2, 0, 1],
  totals: [{ participants: 1, totalFunding: 2, budget: 1, otherFunding: 1 }],
  notReported: ['Sở Y tế'],
  summaryWritten: ['x.xlsx'],
  demoOpen: ['/tmp/x.xlsx'],
  badDeadline: ['31/2/2027'],
  onTime: [38, 40, 'Sở Y tế (+3)'],
  reportWritten: ['bao-cao.docx'],
  unknownCommand: ['frob'],
  rosterWritten: ['ds.xlsx', 'Tỉnh Lạng Sơn', 81, 65, 16],
  formNoParentFolder: ['a/b'],
  formsExist: ['bieu-mau', ['a.xlsx', 'b.xlsx']],
  formsWritten: [81, 'bieu-mau', 'a.xlsx'],
};

function texts(catalogue: Catalogue, args: Record<string, readonly unknown[]>): [string, Message][] {
  return Object.entries(catalogue).map(([code, entry]) => {
    if (typeof entry !== 'function') return [code, entry];
    expect(args).toHaveProperty([code]);
    return [code, (entry as (...a: unknown[]) => Message)(...args[code])];
  });
}

describe.each([
  ['problems (src/core/messages.ts)', PROBLEM_MESSAGES as Catalogue, problemArgs as Record<string, readonly unknown[]>],
  ['form parameters (src/core/form.ts)', PARAM_MESSAGES as Catalogue, {}],
  ['summary workbook (src/core/summary-plan.ts)', SUMMARY_TEXT as Catalogue, summaryArgs as Record<string, readonly unknown[]>],
  ['coverage (src/core/merge.ts)', COVERAGE_TEXT as Catalogue, coverageArgs as Record<string, readonly unknown[]>],
  ['command line (src/cli/messages.ts)', CLI_TEXT as Catalogue, cliArgs as Record<string, readonly unknown[]>],
  ['national merge (src/core/national-messages.ts)', NATIONAL_TEXT as Catalogue, nationalArgs as Record<string, readonly unknown[]>],
  ['national merge, command line (src/cli/national.ts)', NATIONAL_CLI_TEXT as Catalogue, nationalCliArgs as Record<string, readonly unknown[]>],
])('%s', (_name, catalogue, args) => {
  test.each(texts(catalogue, args))('%s has both languages', (_code, message) => {
    for (const lang of LANGS) expect(message[lang].trim()).not.toBe('');
    expect(message.vi).not.toBe(message.en);
  });
});

test('every measure has both labels and a column number; every group both labels', () => {
  for (const m of MEASURES) {
    for (const lang of LANGS) expect(MEASURE_INFO[m].label[lang]).not.toBe('');
    expect(MEASURE_INFO[m].no).toMatch(/^[2-5]$/);
  }
  for (const set of [GROUPS_2017, GROUPS_2026]) for (const g of set.groups) for (const lang of LANGS) expect([g.label[lang], g.counted[lang]].every((x) => x !== '')).toBe(true);
});
