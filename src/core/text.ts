// Text as cells hold it.

/** Every kind of space a cell may hold (no-break, thin, ideographic, zero-width, BOM); used with replace, to collapse or remove them. */
export const SPACES = /[\s\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;
