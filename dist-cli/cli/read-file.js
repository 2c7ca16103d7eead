"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readReturnFile = readReturnFile;
// Reads one returned file from disk into a ReturnResult; never throws for a bad file.
// This is the one function the reading workers (read-worker.ts) call.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const file_limits_1 = require("../workbook/file-limits");
const read_return_1 = require("../workbook/read-return");
const rejections_1 = require("../workbook/read/rejections");
function readReturnFile(path, campaignYear) {
    const file = (0, node_path_1.basename)(path);
    const stat = (0, node_fs_1.statSync)(path);
    // The file system's time: stands in when the file records no date, and decides between two
    // files whose own saved dates are equal.
    const fileModified = stat.mtimeMs;
    // Refuse a huge file before reading it into memory.
    const result = stat.size > file_limits_1.MAX_FILE_BYTES
        ? (0, rejections_1.rejectedResult)(file, fileModified, 'file.tooLarge', (0, file_limits_1.tooLargeMessage)(stat.size))
        : (0, read_return_1.readReturn)(new Uint8Array((0, node_fs_1.readFileSync)(path)), file, { modified: fileModified, campaignYear });
    return { ...result, fileModified };
}
