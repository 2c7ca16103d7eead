"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutputError = void 0;
exports.listInputs = listInputs;
exports.readInputs = readInputs;
exports.guardOutputs = guardOutputs;
exports.writeOutput = writeOutput;
exports.isXlsx = isXlsx;
// The CLI's file system side: which files to read, reading one return, and writing
// outputs safely (nothing an input or another output, nothing overwritten without --force).
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const messages_1 = require("./messages");
const progress_1 = require("./progress");
const usage_1 = require("./usage");
/** An output file could not be written: exit 2, nothing half-done reported as success. */
class OutputError extends Error {
}
exports.OutputError = OutputError;
const SPREADSHEET_EXT = new Set(['.xlsx', '.xls', '.ods']);
/** The files named, folders expanded to the spreadsheets in them; each file once. */
function listInputs(paths, lang) {
    const files = [];
    const seen = new Set();
    const add = (f) => {
        // The same file named twice (or a folder and a file in it) is read once.
        const real = (0, node_fs_1.realpathSync)(f);
        if (!seen.has(real))
            seen.add(real), files.push(f);
    };
    for (const p of paths) {
        if (!(0, node_fs_1.existsSync)(p))
            throw new usage_1.UsageError(messages_1.CLI_TEXT.noSuchPath(p)[lang]);
        if ((0, node_fs_1.statSync)(p).isDirectory()) {
            // "~$…" are the lock files Excel leaves beside an open workbook, not returns.
            for (const name of (0, node_fs_1.readdirSync)(p).sort())
                if (SPREADSHEET_EXT.has((0, node_path_1.extname)(name).toLowerCase()) && !name.startsWith('~$'))
                    add((0, node_path_1.join)(p, name));
        }
        else
            add(p);
    }
    if (!files.length)
        throw new usage_1.UsageError(messages_1.CLI_TEXT.noFiles[lang]);
    return files;
}
/**
 * Reads and validates every file on all cores (read-pool.ts), with a progress line when standard
 * error is a terminal (never with `quiet`); results in the order of `files`. The pool and the
 * reader are loaded only here, so commands that read nothing start at once.
 */
async function readInputs(files, o, lang) {
    const { readReturnFiles } = await Promise.resolve().then(() => __importStar(require('./read-pool')));
    const progress = (0, progress_1.progressLine)(files.length, lang, process.stderr, o.quiet ? false : undefined);
    try {
        return await readReturnFiles(files, { campaignYear: o.year, workers: o.workers, onProgress: (done, rejected) => progress.update(done, rejected) });
    }
    finally {
        progress.end();
    }
}
/** Refuses, before any work is done, an output that would destroy an input or another output, or cannot be written. */
function guardOutputs(outs, inputs, force, lang) {
    const taken = new Set(inputs.map((f) => (0, node_path_1.resolve)(f)));
    for (const out of outs) {
        const abs = (0, node_path_1.resolve)(out);
        if (taken.has(abs))
            throw new usage_1.UsageError(messages_1.CLI_TEXT.outputIsInput(out)[lang]);
        taken.add(abs);
        const dir = (0, node_path_1.dirname)(abs);
        if (!(0, node_fs_1.existsSync)(dir) || !(0, node_fs_1.statSync)(dir).isDirectory())
            throw new usage_1.UsageError(messages_1.CLI_TEXT.noFolder((0, node_path_1.dirname)(out), (0, node_path_1.basename)(out))[lang]);
        if ((0, node_fs_1.existsSync)(abs) && !force)
            throw new usage_1.UsageError(messages_1.CLI_TEXT.outputExists(out)[lang]);
    }
}
/** Writes a result file; a failure (locked by Excel, no permission, disk full) is explained, not a crash. */
function writeOutput(path, data, lang) {
    try {
        (0, node_fs_1.writeFileSync)(path, data);
    }
    catch (e) {
        const code = e.code ?? String(e);
        throw new OutputError(messages_1.CLI_TEXT.cannotWrite(path, code)[lang]);
    }
}
/** .xlsx outputs only: the writer makes nothing else. */
function isXlsx(path) {
    return (0, node_path_1.extname)(path).toLowerCase() === '.xlsx';
}
