// The national list for the command line, loaded on first use: most commands never need the 3,321 communes.
import { NationalIndex, createNationalIndex } from '../core/admin/national-index';
import { ProvinceDirectory, directoryFromIndex } from '../core/provinces';

let cached: NationalIndex | undefined;

export function nationalIndex(): NationalIndex {
  // A plain require: the CLI runs as CommonJS under tsx, where import() would bypass the TypeScript loader.
  cached ??= createNationalIndex((require('../core/admin/national-list') as typeof import('../core/admin/national-list')).NATIONAL_LIST);
  return cached;
}

let provinces: ProvinceDirectory | undefined;

/** The 34 provinces over the same index, for reading provincial summaries. */
export function nationalProvinces(): ProvinceDirectory {
  provinces ??= directoryFromIndex(nationalIndex());
  return provinces;
}
