// The reader's public surface, kept for existing importers; the parts live in ./read/.
export { readWorkbookBytes } from './read/index';
export { sniffBytes } from './read/sniff';
export type { SniffedKind } from './read/sniff';
export { REJECT_CODES, rejectionMessage } from './read/rejections';
export type { RejectCode } from './read/rejections';
export { resolveNameRef } from './read/to-grid';
export * from './read/limits';
