// The national list is large (all 3,321 communes): the task pane loads it as its own chunk when first needed.
import type { NationalIndex } from './national-index';

let loading: Promise<NationalIndex> | undefined;

export function loadNationalIndex(): Promise<NationalIndex> {
  loading ??= Promise.all([import(/* webpackChunkName: "national-list" */ './national-list'), import('./national-index')]).then(([data, idx]) => idx.createNationalIndex(data.NATIONAL_LIST));
  return loading;
}
