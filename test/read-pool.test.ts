// The CLI's reading pool: every core reads, no single file can stall or crash a merge, and the
// result does not depend on how many workers read or in which order the files come.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { mergeReturns, toSummaryJson } from '../src/core/merge';
import { readReturnFile } from '../src/cli/read-file';
import { readReturnFiles } from '../src/cli/read-pool';
import { buildCliIfStale } from './helpers/build-cli';

const ROOT = resolve(__dirname, '..');
const SAMPLES = join(ROOT, 'samples', 'returns');
// The pool runs compiled workers (worker threads do not go through ts-jest).
const WORKER = join(ROOT, 'dist-cli', 'cli', 'read-worker.js');

let dir: string;
let good: string[];
let hostileWorker: string;

beforeAll(() => {
  buildCliIfStale();
  dir = mkdtempSync(join(tmpdir(), 'ctxh-pool-'));
  good = readdirSync(SAMPLES).sort().map((f) => {
    copyFileSync(join(SAMPLES, f), join(dir, f));
    return join(dir, f);
  });
  // Stand-ins for files that send the reader into an endless loop, eat memory without end, or kill
  // their thread: a worker that misbehaves on those names and reads every other file for real.
  hostileWorker = join(dir, 'hostile-worker.js');
  writeFileSync(
    hostileWorker,
    `const real = require(${JSON.stringify(WORKER)}).default;
module.exports = (task) => {
  if (task.path.endsWith('treo.xlsx')) for (;;) {}
  if (task.path.endsWith('ngon-bo-nho.xlsx')) { const hoard = []; for (;;) hoard.push(new Array(1000000).fill(hoard.length)); }
  if (task.path.endsWith('sap.xlsx')) process.exit(7);
  return real(task);
};
`,
  );
  for (const name of ['treo.xlsx', 'ngon-bo-nho.xlsx', 'sap.xlsx']) copyFileSync(good[0], join(dir, name));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = (results: Parameters<typeof mergeReturns>[0]) => JSON.stringify(toSummaryJson(mergeReturns(results, { year: 2025 })));

test('a file that never finishes, one that exhausts memory and one that kills its worker are rejected by name; every other file is merged', async () => {
  const hostile = ['treo.xlsx', 'ngon-bo-nho.xlsx', 'sap.xlsx'].map((f) => join(dir, f));
  // Hostile files first and in the middle, so the replaced workers must go on reading the rest.
  const files = [hostile[0], hostile[1], ...good.slice(0, 7), hostile[2], ...good.slice(7)];
  const t = Date.now();
  // A generous time limit, so only the memory cap can stop the memory-hungry file even on a busy machine.
  const results = await readReturnFiles(files, { workers: 2, timeLimitMs: 10_000, memoryLimitMb: 64, campaignYear: 2025, workerFile: hostileWorker });
  expect(results.map((r) => r.file)).toEqual(files.map((f) => f.split('/').pop()));
  // Within the limits: the endless file stopped after its 10 s, not at the end of the whole run.
  expect(Date.now() - t).toBeLessThan(90_000);

  const byName = new Map(results.map((r) => [r.file, r]));
  const rejection = (f: string) => {
    const r = byName.get(f)!;
    return { file: r.file, status: r.status, rows: r.rows.length, codes: r.problems.map((p) => [p.file, p.code]) };
  };
  expect(rejection('treo.xlsx')).toEqual({ file: 'treo.xlsx', status: 'error', rows: 0, codes: [['treo.xlsx', 'file.readTimeout']] });
  expect(byName.get('treo.xlsx')!.problems[0].message.vi).toMatch(/^Đọc quá lâu \(quá 10 giây\)/);
  expect(rejection('ngon-bo-nho.xlsx')).toEqual({ file: 'ngon-bo-nho.xlsx', status: 'error', rows: 0, codes: [['ngon-bo-nho.xlsx', 'file.readMemory']] });
  expect(byName.get('ngon-bo-nho.xlsx')!.problems[0].message.vi).toContain('cần quá nhiều bộ nhớ');
  expect(byName.get('ngon-bo-nho.xlsx')!.problems[0].message.en).toContain('needs too much memory');
  expect(rejection('sap.xlsx')).toEqual({ file: 'sap.xlsx', status: 'error', rows: 0, codes: [['sap.xlsx', 'file.readCrashed']] });

  // Every real file read exactly as a plain one-at-a-time read gives, and the merge of them unchanged.
  const plain = good.map((f) => readReturnFile(f, 2025));
  expect(good.map((f) => byName.get(f.split('/').pop()!))).toEqual(plain);
  const merged = toSummaryJson(mergeReturns(results, { year: 2025 }));
  const reference = toSummaryJson(mergeReturns(plain, { year: 2025 }));
  expect(merged.totals).toEqual(reference.totals);
  expect(merged.accepted).toEqual(reference.accepted);
  expect(merged.rejected.map((r) => r.file).sort()).toEqual([...reference.rejected.map((r) => r.file), 'ngon-bo-nho.xlsx', 'sap.xlsx', 'treo.xlsx'].sort());
});

test('results are identical for 1 and for N workers and for any file order (property)', async () => {
  // Two returns of one unit with the same saved date, told apart only by the file system's time:
  // the pool must carry that time through, whatever the order.
  const a = join(dir, 'Chi Lang - ban 1.xlsx');
  const b = join(dir, 'Chi Lang - ban 2.xlsx');
  copyFileSync(join(SAMPLES, 'Huyen Chi Lang (gui lai).xlsx'), a);
  copyFileSync(join(SAMPLES, 'Huyen Chi Lang (gui lai).xlsx'), b);
  // Same saved date as the resend they copy; on disk, "ban 1" is the last written.
  utimesSync(a, new Date('2030-04-02T08:00:00Z'), new Date('2030-04-02T08:00:00Z'));
  utimesSync(b, new Date('2025-04-01T08:00:00Z'), new Date('2025-04-01T08:00:00Z'));
  const all = [...good, a, b];
  const reference = summary(all.map((f) => readReturnFile(f, 2025)));
  expect(reference).toContain('"file":"Chi Lang - ban 2.xlsx","unit":"Huyện Chi Lăng","by":"Chi Lang - ban 1.xlsx"');
  expect(reference).toContain('theo giờ sửa tệp trên máy');
  await fc.assert(
    fc.asyncProperty(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), fc.integer({ min: 1, max: 3 }), async (order, workers) => {
      const results = await readReturnFiles(order, { workers, campaignYear: 2025, workerFile: WORKER });
      expect(results.map((r) => r.file)).toEqual(order.map((f) => f.split('/').pop()));
      expect(summary(results)).toEqual(reference);
    }),
    { numRuns: 4 },
  );
});

test('the progress line is drawn on a terminal only', () => {
  const args = [join(ROOT, 'bin', 'ctxh-report.js'), 'check', '--year', '2025', SAMPLES];
  const piped = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  expect(piped.stdout).toContain('15 tệp: 13 dùng được, 2 có lỗi.');
  expect(piped.stderr).not.toContain('Đã đọc');
  // `script` gives the command a pseudo-terminal, as a clerk's console would.
  const quoted = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const tty = spawnSync('script', ['-qec', quoted, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
  expect(tty.stdout).toContain('Đã đọc 15/15 tệp, loại 2');
  // The line is cleared before the results are printed.
  expect(tty.stdout).toMatch(/Đã đọc 15\/15 tệp, loại 2\x1b\[K\r\x1b\[K/);
});
