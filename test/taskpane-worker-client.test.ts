// The pane's reading worker: a file that makes the reader hang must not hang the pane.
import { ReadWorker, ReadWorkerPool, WorkerFailed, readerCount } from '../src/taskpane/worker-client';

class StuckWorker {
  static started = 0;
  static terminated = 0;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor() {
    StuckWorker.started++;
  }
  postMessage(): void {
    // never answers, like a parser caught in an endless loop
  }
  terminate(): void {
    StuckWorker.terminated++;
  }
}

beforeAll(() => {
  (globalThis as unknown as { Worker: unknown }).Worker = StuckWorker;
});
afterAll(() => {
  delete (globalThis as unknown as { Worker?: unknown }).Worker;
});

test('a read that never ends is stopped with a plain message, and the next file gets a fresh worker', async () => {
  const failed = { vi: 'lỗi', en: 'failed' };
  const timedOut = { vi: 'Đọc tệp quá lâu', en: 'took too long' };
  const worker = new ReadWorker('read-worker.js', failed, 50, timedOut);
  const first = worker.request({ kind: 'return', name: 'a.xlsx', bytes: new ArrayBuffer(8) } as never);
  await expect(first).rejects.toBeInstanceOf(WorkerFailed);
  await expect(first).rejects.toMatchObject({ text: timedOut });
  expect(StuckWorker.terminated).toBe(1);
  const second = worker.request({ kind: 'return', name: 'b.xlsx', bytes: new ArrayBuffer(8) } as never);
  expect(StuckWorker.started).toBe(2);
  await expect(second).rejects.toMatchObject({ text: timedOut });
});

/** Answers after `delay` ms, never for "treo…", and dies for "sap…", like the real worker on such files. */
class ScriptedWorker {
  static busy = 0;
  static maxBusy = 0;
  static created = 0;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { preventDefault?: () => void }) => void) | null = null;
  private dead = false;
  constructor() {
    ScriptedWorker.created++;
  }
  postMessage(msg: { id: number; name: string }): void {
    ScriptedWorker.busy++;
    ScriptedWorker.maxBusy = Math.max(ScriptedWorker.maxBusy, ScriptedWorker.busy);
    if (msg.name.startsWith('treo')) return;
    setTimeout(() => {
      ScriptedWorker.busy--;
      if (this.dead) return;
      if (msg.name.startsWith('sap')) this.onerror?.({});
      else this.onmessage?.({ data: { id: msg.id, ok: true, kind: 'return', result: { file: msg.name } } });
    }, 20);
  }
  terminate(): void {
    if (!this.dead) ScriptedWorker.busy--;
    this.dead = true;
  }
}

test('the pane reads with several workers, one file each: a stuck or crashing file stops only itself, and a queued file\'s time runs only once it is read', async () => {
  (globalThis as unknown as { Worker: unknown }).Worker = ScriptedWorker;
  const failed = { vi: 'Trình đọc bị dừng', en: 'reader stopped' };
  const timedOut = { vi: 'Đọc quá lâu', en: 'took too long' };
  const pool = new ReadWorkerPool('read-worker.js', failed, 2, 150, timedOut);
  const names = ['treo.xlsx', 'a.xlsx', 'sap.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx', 'e.xlsx', 'f.xlsx'];
  const settled = await Promise.allSettled(names.map((name) => pool.request({ kind: 'return', name, bytes: new ArrayBuffer(8) } as never)));
  const outcome = settled.map((s) => (s.status === 'fulfilled' ? (s.value as { result: { file: string } }).result.file : (s.reason as WorkerFailed).text.vi));
  // Eight files through two workers: the healthy ones are read even while "treo" holds one worker for 150 ms.
  expect(outcome).toEqual(['Đọc quá lâu', 'a.xlsx', 'Trình đọc bị dừng', 'b.xlsx', 'c.xlsx', 'd.xlsx', 'e.xlsx', 'f.xlsx']);
  expect(ScriptedWorker.maxBusy).toBe(2);
  // The healthy worker read the six other files while "treo" held the other one; the crashed one was replaced at once.
  expect(ScriptedWorker.created).toBe(3);
  // The stuck worker is replaced when there is more to read: two more files use both slots again.
  const more = await Promise.all(['g.xlsx', 'h.xlsx'].map((name) => pool.request({ kind: 'return', name, bytes: new ArrayBuffer(8) } as never)));
  expect(more.map((r) => (r as { result: { file: string } }).result.file)).toEqual(['g.xlsx', 'h.xlsx']);
  expect(ScriptedWorker.created).toBe(4);
});

test('the pool uses the cores the page has, up to four', () => {
  expect([readerCount(1), readerCount(2), readerCount(8), readerCount(0)]).toEqual([1, 2, 4, 1]);
});
