"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.READ_WORKER_FILE = void 0;
exports.defaultWorkers = defaultWorkers;
exports.readReturnFiles = readReturnFiles;
// Reads returned files on every core: a pool of worker threads (piscina), each file under a
// time limit and a heap cap. A file that exceeds either, or kills its worker, becomes a rejected
// result naming it; piscina replaces the worker and the other files go on.
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const piscina_1 = require("piscina");
const file_limits_1 = require("../workbook/file-limits");
const rejections_1 = require("../workbook/read/rejections");
/** The compiled worker next to this module (dist-cli/cli/read-worker.js). */
exports.READ_WORKER_FILE = (0, node_path_1.join)(__dirname, 'read-worker.js');
function defaultWorkers() {
    return Math.max(1, (0, node_os_1.availableParallelism)());
}
function stopped(path, e, o) {
    const file = (0, node_path_1.basename)(path);
    const err = e;
    if (err?.name === 'AbortError')
        return (0, rejections_1.rejectedResult)(file, undefined, 'file.readTimeout', file_limits_1.readStoppedMessage.timeout(Math.round(o.timeLimitMs / 1000)));
    if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY')
        return (0, rejections_1.rejectedResult)(file, undefined, 'file.readMemory', file_limits_1.readStoppedMessage.memory(o.memoryLimitMb));
    return (0, rejections_1.rejectedResult)(file, undefined, 'file.readCrashed', file_limits_1.readStoppedMessage.crashed());
}
/**
 * Reads every file, in parallel, and returns the results in the order of `paths` (never in the
 * order workers finished). Only as many files are in flight as there are workers, so each time
 * limit runs from when its file is handed to a worker, and files are read from disk as needed.
 */
async function readReturnFiles(paths, opts = {}) {
    const limits = { timeLimitMs: opts.timeLimitMs ?? file_limits_1.READ_TIME_LIMIT_MS, memoryLimitMb: opts.memoryLimitMb ?? file_limits_1.READ_MEMORY_LIMIT_MB };
    const threads = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), paths.length));
    const results = new Array(paths.length);
    if (!paths.length)
        return results;
    const pool = new piscina_1.Piscina({
        filename: opts.workerFile ?? exports.READ_WORKER_FILE,
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
            let r;
            try {
                r = await pool.run({ path, campaignYear: opts.campaignYear }, { signal });
            }
            catch (e) {
                r = stopped(path, e, limits);
            }
            results[i] = r;
            done++;
            if (r.status === 'error')
                rejected++;
            opts.onProgress?.(done, rejected);
        }
    };
    try {
        await Promise.all(Array.from({ length: threads }, lane));
    }
    finally {
        await pool.destroy();
    }
    return results;
}
