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
exports.cmdForm = cmdForm;
// `ctxh-report form`: writes the blank standard form.
const node_util_1 = require("node:util");
const form_1 = require("../core/form");
const files_1 = require("./files");
const messages_1 = require("./messages");
const usage_1 = require("./usage");
async function cmdForm(args, lang) {
    const { values } = (0, node_util_1.parseArgs)({
        args,
        options: {
            out: { type: 'string' }, year: { type: 'string' }, province: { type: 'string' }, body: { type: 'string' }, plan: { type: 'string' },
            theme: { type: 'string' }, deadline: { type: 'string' }, unit: { type: 'string' }, rows: { type: 'string' }, force: { type: 'boolean' },
        },
    });
    if (!values.out)
        throw new usage_1.UsageError(messages_1.CLI_TEXT.formNeedsOut[lang]);
    if (!(0, files_1.isXlsx)(values.out))
        throw new usage_1.UsageError(messages_1.CLI_TEXT.formNeedsXlsx[lang]);
    const parsed = (0, form_1.parseFormParams)({
        year: values.year ?? form_1.DEFAULT_FORM_PARAMS.year,
        province: values.province ?? form_1.DEFAULT_FORM_PARAMS.province,
        body: values.body ?? form_1.DEFAULT_FORM_PARAMS.body,
        plan: values.plan ?? form_1.DEFAULT_FORM_PARAMS.plan,
        theme: values.theme,
        deadline: values.deadline,
        unit: values.unit,
        rows: values.rows ?? form_1.DEFAULT_FORM_PARAMS.rows,
    });
    if (!parsed.ok) {
        throw new usage_1.UsageError(parsed.problems.map((p) => `${p.label[lang]}: ${p.message[lang]}`).join('\n'));
    }
    (0, files_1.guardOutputs)([values.out], [], !!values.force, lang);
    const plan = (0, form_1.buildFormPlan)(parsed.params);
    // exceljs is loaded only when a workbook is written, so the other commands start at once.
    const { writeWorkbook } = await Promise.resolve().then(() => __importStar(require('../workbook/write-xlsx')));
    (0, files_1.writeOutput)(values.out, await writeWorkbook({ sheets: [plan], title: `Biểu tổng hợp CTXH ${parsed.params.year}` }), lang);
    console.log(messages_1.CLI_TEXT.formWritten(values.out)[lang]);
    return 0;
}
