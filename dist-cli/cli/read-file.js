"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readReturnFile = readReturnFile;
// Reads one returned file from disk into a ReturnResult; never throws for a bad file.
// This is the one function the reading workers call.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const extract_1 = require("../core/extract");
const returns_1 = require("../core/returns");
const file_limits_1 = require("../workbook/file-limits");
const read_workbook_1 = require("../workbook/read-workbook");
const rejected_result_1 = require("./rejected-result");
function readReturnFile(path, opts = {}) {
    const file = (0, node_path_1.basename)(path);
    const stat = (0, node_fs_1.statSync)(path);
    // The file system's time: decides between two files whose own saved dates are equal.
    const fileModified = stat.mtimeMs;
    try {
        // Refuse a huge file before reading it into memory.
        if (stat.size > file_limits_1.MAX_FILE_BYTES)
            throw new returns_1.FileRejected(file, 'file.tooLarge', (0, file_limits_1.tooLargeMessage)(stat.size));
        const raw = (0, read_workbook_1.readWorkbookBytes)(new Uint8Array((0, node_fs_1.readFileSync)(path)), file, fileModified);
        return { ...(0, extract_1.extractReturn)(raw, { campaignYear: opts.campaignYear }), fileModified };
    }
    catch (e) {
        if (!(e instanceof returns_1.FileRejected))
            throw e;
        return (0, rejected_result_1.rejectedResult)(file, e.code, e.text, fileModified);
    }
}
