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
exports.runMerge = runMerge;
exports.cmdMerge = cmdMerge;
// `ctxh-report merge` (and the demo, which is a merge of the samples).
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_util_1 = require("node:util");
const merge_1 = require("../core/merge");
const returns_1 = require("../core/returns");
const summary_plan_1 = require("../core/summary-plan");
const units_1 = require("../core/units");
const files_1 = require("./files");
const messages_1 = require("./messages");
const print_1 = require("./print");
const timings_1 = require("./timings");
const usage_1 = require("./usage");
async function loadRoster(path, lang) {
    if (!(0, node_fs_1.existsSync)(path))
        throw new usage_1.UsageError(messages_1.CLI_TEXT.rosterNotFound(path)[lang]);
    // SheetJS and exceljs are loaded by the commands that use them, so the others start at once.
    const { readRosterBytes } = await Promise.resolve().then(() => __importStar(require('../workbook/read-roster')));
    try {
        const rows = readRosterBytes(new Uint8Array((0, node_fs_1.readFileSync)(path)), (0, node_path_1.basename)(path));
        const roster = (0, units_1.buildRoster)(rows);
        for (const p of roster.problems.filter((x) => x.severity !== 'error'))
            console.warn(`${(0, node_path_1.basename)(path)}: ${p.message[lang]}`);
        const errors = roster.problems.filter((x) => x.severity === 'error');
        if (errors.length)
            throw new usage_1.UsageError(errors.map((p) => `${(0, node_path_1.basename)(path)}: ${p.message[lang]}`).join('\n'));
        return roster.entries;
    }
    catch (e) {
        if (e instanceof returns_1.FileRejected)
            throw new usage_1.UsageError(e.text[lang]);
        throw e;
    }
}
async function runMerge(o, lang) {
    const files = (0, files_1.listInputs)(o.inputs, lang);
    if (!(0, files_1.isXlsx)(o.out))
        throw new usage_1.UsageError(messages_1.CLI_TEXT.summaryNeedsXlsx[lang]);
    (0, files_1.guardOutputs)([o.out, ...(o.json ? [o.json] : [])], [...files, ...(o.roster ? [o.roster] : [])], o.force, lang);
    const roster = o.roster ? await loadRoster(o.roster, lang) : undefined;
    (0, timings_1.mark)('startup');
    const results = await (0, files_1.readInputs)(files, { year: o.year, workers: o.workers, quiet: o.json === '-' }, lang);
    (0, timings_1.mark)('reading');
    const merged = (0, merge_1.mergeReturns)(results, { roster, year: o.year });
    const summary = (0, merge_1.toSummaryJson)(merged, lang);
    const plan = (0, summary_plan_1.buildSummaryPlan)(merged, { year: o.year ?? merged.year, province: o.province, lang });
    (0, timings_1.mark)('merging');
    const { writeWorkbook } = await Promise.resolve().then(() => __importStar(require('../workbook/write-xlsx')));
    (0, files_1.writeOutput)(o.out, await writeWorkbook(plan), lang);
    if (o.json)
        (0, files_1.writeOutput)(o.json, JSON.stringify(summary, null, 2) + '\n', lang);
    (0, timings_1.mark)('writing');
    (0, print_1.printProblems)([...merged.rejected, ...merged.accepted.filter((u) => u.warnings.length).map((u) => ({ file: u.file, unit: u.unit, problems: u.warnings }))], lang);
    for (const s of merged.superseded)
        console.log(messages_1.CLI_TEXT.mergeSuperseded(s.file, s.unit, s.by)[lang]);
    console.log(messages_1.CLI_TEXT.mergeCounts(summary.accepted.length, results.length, summary.rejected.length, summary.superseded.length)[lang]);
    console.log(messages_1.CLI_TEXT.totals(summary.totals)[lang]);
    console.log(messages_1.CLI_TEXT.reported(summary.coverage.reported, summary.coverage.expected)[lang]);
    if (summary.coverage.missing.length)
        console.log(messages_1.CLI_TEXT.notReported(summary.coverage.missing.join('; '))[lang]);
    console.log(messages_1.CLI_TEXT.summaryWritten(o.out)[lang] + (o.json ? ` (+ ${o.json})` : ''));
    (0, timings_1.mark)('printing');
    (0, timings_1.writeTimings)();
    if (!summary.accepted.length)
        return 2;
    return summary.rejected.length ? 1 : 0;
}
async function cmdMerge(args, lang) {
    const { values, positionals } = (0, node_util_1.parseArgs)({
        args,
        allowPositionals: true,
        options: {
            out: { type: 'string' }, roster: { type: 'string' }, json: { type: 'string' }, year: { type: 'string' }, province: { type: 'string' }, force: { type: 'boolean' },
            workers: { type: 'string' },
        },
    });
    if (!values.out)
        throw new usage_1.UsageError(messages_1.CLI_TEXT.mergeNeedsOut[lang]);
    return runMerge({ out: values.out, inputs: positionals, roster: values.roster, json: values.json, year: (0, usage_1.parseYear)(values.year, lang), province: values.province, force: !!values.force, workers: (0, usage_1.parseWorkers)(values.workers, lang) }, lang);
}
