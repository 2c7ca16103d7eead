// Promise wrapper around the reading worker: one request at a time per file,
// answered in order; a crashed worker fails what was pending, then restarts.
import { Message } from '../core/plan';
import { WorkerReply, WorkerRequest } from './worker-protocol';

type Pending = { resolve: (r: WorkerReply) => void; reject: (e: Error) => void };
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
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.url);
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      p?.resolve(e.data);
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      const all = [...this.pending.values()];
      this.pending.clear();
      this.worker?.terminate();
      this.worker = undefined;
      for (const p of all) p.reject(new WorkerFailed(this.failure));
    };
    this.worker = w;
    return w;
  }

  request(req: NewRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.start().postMessage({ ...req, id }, transfer);
      } catch (e) {
        this.pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }
}
