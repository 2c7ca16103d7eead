// Promise wrapper around the reading worker: one request at a time per file,
// answered in order; a crashed or stuck worker fails what was pending, then restarts.
import { Message } from '../core/i18n';
import { WorkerReply, WorkerRequest } from './worker-protocol';

type Pending = { resolve: (r: WorkerReply) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };
type NewRequest = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export class WorkerFailed extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

export class ReadWorker {
  private worker?: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(
    private readonly url: string,
    private readonly failure: Message,
    /** A read still running after this is taken as a hostile file: the worker is stopped. */
    private readonly timeoutMs = 30_000,
    private readonly timedOut: Message = failure,
  ) {}

  private fail(text: Message): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(new WorkerFailed(text));
    }
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.url);
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      if (p) clearTimeout(p.timer);
      p?.resolve(e.data);
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      this.fail(this.failure);
    };
    this.worker = w;
    return w;
  }

  request(req: NewRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(this.timedOut), this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      try {
        this.start().postMessage({ ...req, id }, transfer);
      } catch (e) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }
}

/** The cores a page may read with: all of them up to four (a few files each second is plenty), at least one. */
export function readerCount(cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1): number {
  return Math.max(1, Math.min(4, cores || 1));
}

type Job = { req: NewRequest; transfer: Transferable[]; resolve: (r: WorkerReply) => void; reject: (e: Error) => void };

/**
 * Several reading workers, each given one file at a time, so each file's time limit runs only
 * while that file is being read and a stuck or crashed worker takes down only its own file.
 */
export class ReadWorkerPool {
  private readonly idle: ReadWorker[];
  private readonly queue: Job[] = [];

  constructor(url: string, failure: Message, readonly size = readerCount(), timeoutMs = 30_000, timedOut: Message = failure) {
    this.idle = Array.from({ length: Math.max(1, size) }, () => new ReadWorker(url, failure, timeoutMs, timedOut));
  }

  request(req: NewRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ req, transfer, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      worker
        .request(job.req, job.transfer)
        .then(job.resolve, job.reject)
        .finally(() => {
          this.idle.push(worker);
          this.pump();
        });
    }
  }
}
