// The pane's reading worker: a file that makes the reader hang must not hang the pane.
import { ReadWorker, WorkerFailed } from '../src/taskpane/worker-client';

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
