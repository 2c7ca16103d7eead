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
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveNameRef = exports.rejectionMessage = exports.REJECT_CODES = exports.sniffBytes = exports.readWorkbookBytes = void 0;
// The reader's public surface, kept for existing importers; the parts live in ./read/.
var index_1 = require("./read/index");
Object.defineProperty(exports, "readWorkbookBytes", { enumerable: true, get: function () { return index_1.readWorkbookBytes; } });
var sniff_1 = require("./read/sniff");
Object.defineProperty(exports, "sniffBytes", { enumerable: true, get: function () { return sniff_1.sniffBytes; } });
var rejections_1 = require("./read/rejections");
Object.defineProperty(exports, "REJECT_CODES", { enumerable: true, get: function () { return rejections_1.REJECT_CODES; } });
Object.defineProperty(exports, "rejectionMessage", { enumerable: true, get: function () { return rejections_1.rejectionMessage; } });
var to_grid_1 = require("./read/to-grid");
Object.defineProperty(exports, "resolveNameRef", { enumerable: true, get: function () { return to_grid_1.resolveNameRef; } });
__exportStar(require("./read/limits"), exports);
