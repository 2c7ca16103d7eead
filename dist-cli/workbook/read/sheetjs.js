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
exports.parseChecked = parseChecked;
// The one call into SheetJS's parser, on bytes that have already passed every check.
const XLSX = __importStar(require("@e965/xlsx"));
const limits_1 = require("./limits");
const rejections_1 = require("./rejections");
function parseChecked(input, file, format) {
    // SheetJS reports oddities with console.error; a crafted file could flood the console, so mute it
    // for this synchronous call only.
    const saved = { error: console.error, warn: console.warn, log: console.log };
    const mute = () => undefined;
    console.error = console.warn = console.log = mute;
    try {
        return XLSX.read(input, {
            type: 'array',
            dense: true,
            cellFormula: true,
            cellText: true,
            cellNF: false,
            cellDates: false,
            cellStyles: false,
            cellHTML: false,
            // xlsx formula cells without a saved result only survive as stubs.
            sheetStubs: format === 'xlsx',
            sheetRows: limits_1.READ_SHEET_ROWS,
            bookVBA: false,
        });
    }
    catch (e) {
        return (0, rejections_1.rejectParserError)(file, e);
    }
    finally {
        Object.assign(console, saved);
    }
}
