"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readReturn = readReturn;
// One returned file, bytes to ReturnResult, in one call that never throws: the step the CLI, the
// task pane's worker and the benchmark share.
const extract_1 = require("../core/extract");
const returns_1 = require("../core/returns");
const index_1 = require("./read/index");
const rejections_1 = require("./read/rejections");
/** Reads and validates one returned file; a file that cannot be read becomes a rejected result naming it. */
function readReturn(bytes, name, options = {}) {
    const modified = options.modified;
    try {
        return (0, extract_1.extractReturn)((0, index_1.readWorkbookBytes)(bytes, name, modified), options);
    }
    catch (e) {
        if (e instanceof returns_1.FileRejected)
            return (0, rejections_1.rejectedResult)(name, modified, e.code, e.text);
        return (0, rejections_1.rejectedResult)(name, modified, 'file.unreadable', (0, rejections_1.rejectionMessage)('file.unreadable'));
    }
}
