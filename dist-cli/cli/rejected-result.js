"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rejectedResult = rejectedResult;
/** A file refused before or while reading: no rows, one error. */
function rejectedResult(file, code, message, fileModified) {
    return { file, ...(fileModified !== undefined ? { modified: fileModified, fileModified } : {}), rows: [], status: 'error', problems: [{ file, severity: 'error', code, message }] };
}
