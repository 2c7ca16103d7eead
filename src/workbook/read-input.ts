// One input of a merge, bytes to what it is: a provincial summary the product wrote (read as
// that province's return) or a unit's return (with the province its form names). Never throws.
import { extractReturn } from '../core/extract';
import { ProvinceDirectory, ProvinceMatch } from '../core/provinces';
import { FileRejected, ReturnResult } from '../core/returns';
import { PROBLEM_MESSAGES } from '../core/messages';
import { ProvinceReturn, isNationalWorkbook, isSummaryWorkbook, provinceOfForm, readSummary } from '../core/summary-read';
import { ReadReturnOptions } from './read-return';
import { readWorkbookBytes } from './read/index';
import { rejectedResult, rejectionMessage } from './read/rejections';

export type MergeInput = { kind: 'summary'; summary: ProvinceReturn } | { kind: 'return'; result: ReturnResult; province?: ProvinceMatch };

export interface ReadInputOptions extends ReadReturnOptions {
  directory: ProvinceDirectory;
}

export function readMergeInput(bytes: Uint8Array, name: string, options: ReadInputOptions): MergeInput {
  const { directory, ...rest } = options;
  try {
    const raw = readWorkbookBytes(bytes, name, rest.modified);
    if (isSummaryWorkbook(raw)) return { kind: 'summary', summary: readSummary(raw, { directory, campaignYear: rest.campaignYear }) };
    if (isNationalWorkbook(raw)) return { kind: 'return', result: rejectedResult(name, raw.modified, 'summary.isNational', PROBLEM_MESSAGES['summary.isNational']()) };
    const result = extractReturn(raw, rest);
    return { kind: 'return', result, ...(result.status !== 'error' ? { province: provinceOfForm(raw, result.sheet, result.unit, directory) } : {}) };
  } catch (e) {
    if (e instanceof FileRejected) return { kind: 'return', result: rejectedResult(name, rest.modified, e.code, e.text) };
    return { kind: 'return', result: rejectedResult(name, rest.modified, 'file.unreadable', rejectionMessage('file.unreadable')) };
  }
}
