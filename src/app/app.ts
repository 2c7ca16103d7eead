// The page without Excel (app.html): the task pane's three parts — the same tab
// state and views — over the file host, which saves .xlsx downloads where the pane
// inserts sheets. Works from a folder over file://, with no server and no network.
// Vietnamese unless the browser's language is English (the pane's rule, for Office).
import { initCheckFileTab } from '../taskpane/check-file-tab';
import { initFormTab } from '../taskpane/form-tab';
import { StringKey, T, both, languageOf, translator } from '../taskpane/i18n';
import { initMergeTab } from '../taskpane/merge-tab';
import { initTabs, translatePage } from '../taskpane/page';
import { Pane, byId } from '../taskpane/ui';
import { READ_TIME_LIMIT_MS } from '../workbook/file-limits';
import { ReadWorkerPool, readerCount } from '../taskpane/worker-client';
import { fileHost } from './file-host';

/** What the page says where the pane's words speak of sheets and Excel. */
const PAGE_WORDING: Partial<Record<StringKey, StringKey>> = {
  formIntro: 'pageFormIntro',
  checkIntro: 'pageCheckIntro',
  checkNow: 'pageCheckPick',
  rosterInsert: 'pageRosterDownload',
  rosterInserted: 'pageRosterDownloaded',
  rosterMissing: 'pageRosterMissing',
  excelError: 'pageError',
};

export function pageTranslator(lang: 'vi' | 'en'): T {
  const t = translator(lang);
  return (key, vars) => t(PAGE_WORDING[key] ?? key, vars);
}

/**
 * The reading worker. Browsers refuse `new Worker('read-worker.js')` on a file:// page, so the build
 * inlines the worker's bundle into app.html (base64, never run there) and it starts from a Blob URL,
 * which every current browser allows from file:// and http(s) alike.
 */
function readWorkerUrl(): string {
  const source = document.getElementById('read-worker-source')?.textContent?.trim();
  if (!source) return 'read-worker.js';
  const bytes = Uint8Array.from(atob(source), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

function start(): void {
  const lang = languageOf(navigator.languages?.[0] ?? navigator.language);
  const t = pageTranslator(lang);
  translatePage(lang, t);
  const host = fileHost();
  const form = initFormTab({ lang, t }, host);
  const pane: Pane = { lang, t, campaign: form.campaign };
  // The pane's pool: one reading worker per core (up to four), all started from the same Blob URL.
  const worker = new ReadWorkerPool(readWorkerUrl(), both('workerFailed'), readerCount(), READ_TIME_LIMIT_MS, both('workerTimeout'));
  const check = initCheckFileTab(pane, host, worker);
  const merge = initMergeTab(pane, host, worker);
  initTabs({ 'tab-check': () => check.activate(), 'tab-merge': () => merge.activate() });
  byId('boot').hidden = true;
  byId('app').hidden = false;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
