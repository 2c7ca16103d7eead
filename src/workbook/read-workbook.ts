// The reader's public surface, kept for existing importers; the parts live in ./read/.
export { readWorkbookBytes } from './read/index';
export { sniffBytes, SniffedKind } from './read/sniff';
export { REJECT_CODES, RejectCode, rejectionMessage } from './read/rejections';
export { resolveNameRef } from './read/to-grid';
export * from './read/limits';
