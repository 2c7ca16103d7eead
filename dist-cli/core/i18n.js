"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MessageSchema = exports.LangSchema = exports.LANGS = void 0;
// The product's two languages and a text in both. Every message the core, the CLI
// and the files produce is a Message; the reader picks m[lang].
const zod_1 = require("zod");
exports.LANGS = ['vi', 'en'];
exports.LangSchema = zod_1.z.enum(exports.LANGS);
exports.MessageSchema = zod_1.z.object({ vi: zod_1.z.string(), en: zod_1.z.string() });
