// The 34 provinces as a directory over the embedded national list, for code that may load the whole list at
// once (tests, benchmarks). The command line builds it lazily (cli/national.ts), the pane as a chunk (loadNationalProvinces).
import { directoryFromIndex } from '../provinces';
import { createNationalIndex } from './national-index';
import { NATIONAL_LIST } from './national-list';

export const NATIONAL_INDEX = createNationalIndex(NATIONAL_LIST);
export const NATIONAL_PROVINCES = directoryFromIndex(NATIONAL_INDEX);
