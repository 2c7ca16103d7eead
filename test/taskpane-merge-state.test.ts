// The merge tab's state with no DOM and no Excel: the sample returns read by the
// real reader, picked, read and removed as the pane does, and what the tab would show.
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { extractReturn } from '../src/core/extract';
import { mergeReturns, sumRows } from '../src/core/merge';
import { ReturnResult } from '../src/core/returns';
import {
  FileMeta,
  MergeState,
  addFile,
  clearFiles,
  fileRead,
  initialMergeState,
  listingDone,
  listingStarted,
  mergeButton,
  mergeDone,
  mergeStarted,
  mergeView,
  nationalReportParams,
  reportFileName,
  LIST_ORDER,
  setFilter,
  possiblySame,
  readingStarted,
  removeFile,
  spreadsheetsOf,
  uniqueFileName,
} from '../src/taskpane/merge-state';
import { readWorkbookBytes } from '../src/workbook/read-workbook';

const DIR = join(__dirname, '..', 'samples', 'returns');
const NAMES = readdirSync(DIR).sort();
const results = new Map<string, ReturnResult>();

beforeAll(() => {
  for (const f of NAMES) {
    const p = join(DIR, f);
    results.set(f, extractReturn(readWorkbookBytes(new Uint8Array(readFileSync(p)), f, statSync(p).mtimeMs)));
  }
});

const meta = (name: string, size = 100, modified = 1): FileMeta => ({ original: name, size, modified });

/** A pick as the tab makes it: every file added in turn, `same` found by the caller's byte comparison. */
function pick(state: MergeState, files: FileMeta[], same: (m: FileMeta, candidates: ReturnType<typeof possiblySame>) => boolean = () => true) {
  const fresh: ReturnType<typeof addFile>['file'][] = [];
  for (const m of files) {
    const s = possiblySame(state, m, fresh as never).find((c) => same(m, [c]));
    const r = addFile(state, m, s, fresh as never);
    state = r.state;
    if (r.file) fresh.push(r.file);
  }
  return { state, fresh: fresh.map((f) => f!) };
}

test('a different file with a taken name becomes "name (2)"; the very same file again replaces the earlier one in place', () => {
  let { state } = pick(initialMergeState, [meta('bieu-mau.xlsx', 10), meta('Bieu-Mau.xlsx', 20), meta('other.xlsx')]);
  expect(state.files.map((f) => f.name)).toEqual(['bieu-mau.xlsx', 'Bieu-Mau.xlsx (2)', 'other.xlsx']);
  const before = state.files[1];
  ({ state } = pick(state, [meta('Bieu-Mau.xlsx', 20)]));
  expect(state.files.map((f) => f.name)).toEqual(['bieu-mau.xlsx', 'Bieu-Mau.xlsx (2)', 'other.xlsx']);
  expect(state.files[1].id).not.toBe(before.id);
  // Same name, size and time but other bytes (the caller's comparison says so): kept beside it.
  ({ state } = pick(state, [meta('other.xlsx')], () => false));
  expect(state.files.map((f) => f.name)).toEqual(['bieu-mau.xlsx', 'Bieu-Mau.xlsx (2)', 'other.xlsx', 'other.xlsx (2)']);
  // The same file twice in one pick counts once.
  const twice = pick(initialMergeState, [meta('a.xlsx'), meta('a.xlsx')]);
  expect(twice.state.files.map((f) => f.name)).toEqual(['a.xlsx']);
  expect(uniqueFileName('x.xlsx', ['X.XLSX', 'x.xlsx (2)'])).toBe('x.xlsx (3)');
});

test('only spreadsheets are taken from a pick, unless it holds none', () => {
  const files = [
    { name: 'a.xlsx', type: '' },
    { name: 'notes.txt', type: 'text/plain' },
    { name: 'b', type: 'application/vnd.ms-excel' },
  ];
  expect(spreadsheetsOf(files).map((f) => f.name)).toEqual(['a.xlsx', 'b']);
  expect(spreadsheetsOf([files[1]]).map((f) => f.name)).toEqual(['notes.txt']);
});

test('reading the samples: the button waits, the bar counts, then each file shows its status across the set', () => {
  let state = listingStarted(initialMergeState);
  expect(mergeButton(state)).toEqual({ disabled: true, label: 'mergeWaitReading', busy: true });
  const listed = pick(state, NAMES.map((n, i) => meta(n, 1000 + i)));
  state = readingStarted(listingDone(listed.state), listed.fresh.length);
  expect(state.progress).toEqual({ kind: 'bar', value: 0, max: NAMES.length, text: { key: 'reading', vars: { done: 0, total: NAMES.length } } });
  expect(mergeView(state, undefined).cards.every((c) => c.status === 'reading')).toBe(true);

  listed.fresh.forEach((f, i) => {
    state = fileRead(state, f.id, results.get(f.original)!);
    if (i < listed.fresh.length - 1) expect(state.progress).toMatchObject({ kind: 'bar', value: i + 1 });
  });
  expect(state.progress).toEqual({ kind: 'summary' });
  expect(state.reading).toBe(0);
  expect(state.readTotal).toBe(0);

  const view = mergeView(state, undefined);
  expect(mergeButton(state)).toEqual({ disabled: false, label: 'mergeNow', busy: false });
  // The statuses are the merge's own verdicts: superseded files, rejected files, warnings.
  const merged = mergeReturns([...results.values()]);
  const byName = new Map(view.cards.map((c) => [c.file.name, c]));
  for (const s of merged.superseded) expect([s.file, byName.get(s.file)!.status, byName.get(s.file)!.supersededBy]).toEqual([s.file, 'superseded', s.by]);
  for (const r of merged.rejected) expect([r.file, byName.get(r.file)!.status]).toEqual([r.file, 'error']);
  for (const a of merged.accepted) expect([a.file, byName.get(a.file)!.status]).toEqual([a.file, a.warnings.length ? 'warning' : 'ok']);
  expect(merged.superseded.length).toBeGreaterThan(0);
  expect(merged.rejected.length).toBeGreaterThan(0);
  // Figures on a card are the file's own sums, only where they are what is merged; a rejected file shows its reason.
  for (const c of view.cards) {
    const r = results.get(c.file.original)!;
    const merged = c.status === 'ok' || c.status === 'warning';
    expect([c.file.name, c.totals]).toEqual([c.file.name, merged && r.rows.length ? sumRows(r.rows) : undefined]);
    if (c.status === 'error') expect([c.file.name, c.reason?.severity]).toEqual([c.file.name, 'error']);
  }
  // The footer line counts every file once, in the order valid · warning · error · superseded.
  expect(view.counts.reduce((n, c) => n + c.n, 0)).toBe(NAMES.length);
  expect(view.counts.map((c) => c.status)).toEqual(['ok', 'warning', 'error', 'superseded'].filter((s) => view.counts.some((c) => c.status === s)));
  // The list: errors first, then warnings, duplicates, valid files; within a status in pick order.
  const rank = view.cards.map((c) => LIST_ORDER.indexOf(c.status));
  expect(rank).toEqual([...rank].sort((a, b) => a - b));
  expect(view.cards[0].status).toBe('error');
  // Filtered by status; a filter whose files are gone falls back to all.
  const errorsOnly = mergeView(setFilter(state, 'error'), undefined);
  expect(errorsOnly.filter).toBe('error');
  expect(errorsOnly.cards.map((c) => c.file.name)).toEqual(merged.rejected.map((r) => r.file).filter((f) => byName.has(f)).sort((a, b) => NAMES.indexOf(a) - NAMES.indexOf(b)));
  let noErrors = setFilter(state, 'error');
  for (const c of errorsOnly.cards) noErrors = removeFile(noErrors, c.file.id);
  expect(mergeView(noErrors, undefined).filter).toBe('all');
});

test('while files are still arriving, each shows its own verdict and no merge of the set is made', () => {
  const listed = pick(initialMergeState, NAMES.map((n, i) => meta(n, 1000 + i)));
  let state = readingStarted(listed.state, listed.fresh.length);
  state = fileRead(state, listed.fresh[0].id, results.get(NAMES[0])!);
  const view = mergeView(state, undefined);
  expect(view.counts.find((c) => c.status === 'reading')?.n).toBe(NAMES.length - 1);
  expect(view.cards.find((c) => c.file.id === listed.fresh[0].id)?.status).toBe(results.get(NAMES[0])!.status);
});

test('removing a file while it is read: it does not come back, and the others carry on', () => {
  const listed = pick(initialMergeState, [meta(NAMES[0]), meta(NAMES[1])]);
  let state = readingStarted(listed.state, 2);
  state = removeFile(state, listed.fresh[0].id);
  expect(state.progress.kind).toBe('bar'); // still reading: no summary yet
  state = fileRead(state, listed.fresh[0].id, results.get(NAMES[0])!);
  expect(state.files.map((f) => f.name)).toEqual([NAMES[1]]);
  state = fileRead(state, listed.fresh[1].id, results.get(NAMES[1])!);
  expect(state.progress).toEqual({ kind: 'summary' });
  expect(mergeView(state, undefined).cards.map((c) => c.status)).toEqual([results.get(NAMES[1])!.status === 'error' ? 'error' : results.get(NAMES[1])!.status]);
  state = clearFiles(state);
  expect(state.files).toEqual([]);
  expect(state.progress).toEqual({ kind: 'hidden' });
});

test('while a summary is being written the button is off', () => {
  const { state } = pick(initialMergeState, [meta('a.xlsx')]);
  const busyState = mergeStarted(state);
  expect(mergeButton(busyState).disabled).toBe(true);
  expect(mergeButton(mergeDone(busyState)).disabled).toBe(false);
});

test('the national draft takes part 1’s body and plan only when the body is a central one; its file says “toàn quốc”', () => {
  // Part 1's default body sends the form to units: a provincial department is not the Ministry's draft's writer.
  expect(nationalReportParams({ body: 'Sở Y tế', plan: 'Kế hoạch số 12/KH-SYT' })).toEqual({});
  expect(nationalReportParams({})).toEqual({});
  expect(nationalReportParams({ body: 'Bộ Y tế', plan: 'Kế hoạch số 15/KH-BYT' })).toEqual({ body: 'Bộ Y tế', plan: 'Kế hoạch số 15/KH-BYT' });
  expect(nationalReportParams({ body: 'Cục Bảo trợ xã hội' })).toEqual({ body: 'Cục Bảo trợ xã hội' });
  expect(reportFileName(2027, true)).toBe('bao-cao-ctxh-toan-quoc-2027.docx');
  expect(reportFileName(undefined, true)).toBe('bao-cao-ctxh-toan-quoc.docx');
  expect(reportFileName(2025, false)).toBe('bao-cao-ctxh-2025.docx');
  expect(reportFileName(undefined, false)).toBe('bao-cao-ctxh-tong-hop.docx');
});
