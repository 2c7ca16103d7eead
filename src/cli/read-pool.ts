// Reads returned files on every core: a pool of worker threads (piscina), each file under a
// time limit and a heap cap. A file that exceeds either, or kills its worker, becomes a rejected
// result naming it; piscina replaces the worker and the other files go on.
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Piscina } from 'piscina';
import { ReturnResult } from '../core/returns';
import { READ_MEMORY_LIMIT_MB, READ_TIME_LIMIT_MS, readStoppedMessage } from '../workbook/file-limits';
import { rejectedResult } from '../workbook/read/rejections';
import type { InputFile } from './read-file';
import type { ReadTask } from './read-worker';

export interface ReadPoolOptions {
  campaignYear?: number;
  /** Worker threads; default: the cores available, never more than there are files. */
  workers?: number;
  timeLimitMs?: number;
  memoryLimitMb?: number;
  /** Called after each file: files done, rejected so far. */
  onProgress?: (done: number, rejected: number) => void;
  /** The worker script (compiled JavaScript); tests swap in one that misbehaves. */
  workerFile?: string;
}

/** The compiled worker next to this module (dist-cli/cli/read-worker.js). */
export const READ_WORKER_FILE = join(__dirname, 'read-worker.js');

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

function stopped(path: string, e: unknown, o: { timeLimitMs: number; memoryLimitMb: number }): ReturnResult {
  const file = basename(path);
  const err = e as { name?: string; code?: string };
  if (err?.name === 'AbortError') return rejectedResult(file, undefined, 'file.readTimeout', readStoppedMessage.timeout(Math.round(o.timeLimitMs / 1000)));
  if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') return rejectedResult(file, undefined, 'file.readMemory', readStoppedMessage.memory(o.memoryLimitMb));
  return rejectedResult(file, undefined, 'file.readCrashed', readStoppedMessage.crashed());
}

/**
 * Reads every file, in parallel, and returns the results in the order of `paths` (never in the
 * order workers finished). Only as many files are in flight as there are workers, so each time
 * limit runs from when its file is handed to a worker, and files are read from disk as needed.
 */
export async function readReturnFiles(paths: readonly string[], opts: ReadPoolOptions = {}): Promise<ReturnResult[]> {
  return runPool<ReturnResult>(paths, opts, false, (r) => r, (_path, r) => r);
}

/** The same for a merge's inputs: each file a provincial summary or a unit's return. */
export async function readInputFiles(paths: readonly string[], opts: ReadPoolOptions = {}): Promise<InputFile[]> {
  return runPool<InputFile>(paths, opts, true, (x) => (x.kind === 'summary' ? x.summary : x.result), (path, result) => ({ path, kind: 'return', result }));
}

async function runPool<R>(
  paths: readonly string[],
  opts: ReadPoolOptions,
  asInput: boolean,
  statusOf: (r: R) => { status: ReturnResult['status'] },
  fromStopped: (path: string, r: ReturnResult) => R,
): Promise<R[]> {
  const limits = { timeLimitMs: opts.timeLimitMs ?? READ_TIME_LIMIT_MS, memoryLimitMb: opts.memoryLimitMb ?? READ_MEMORY_LIMIT_MB };
  const threads = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), paths.length));
  const results: R[] = new Array(paths.length);
  if (!paths.length) return results;
  const pool = new Piscina<ReadTask, R>({
    filename: opts.workerFile ?? READ_WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryLimitMb },
  });
  let next = 0;
  let done = 0;
  let rejected = 0;
  const lane = async () => {
    for (let i = next++; i < paths.length; i = next++) {
      const path = paths[i];
      const signal = AbortSignal.timeout(limits.timeLimitMs);
      let r: R;
      try {
        r = await pool.run({ path, campaignYear: opts.campaignYear, ...(asInput ? { asInput } : {}) }, { signal });
      } catch (e) {
        r = fromStopped(path, stopped(path, e, limits));
      }
      results[i] = r;
      done++;
      if (statusOf(r).status === 'error') rejected++;
      opts.onProgress?.(done, rejected);
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, lane));
  } finally {
    await pool.destroy();
  }
  return results;
}
