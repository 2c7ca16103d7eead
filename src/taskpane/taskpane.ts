// The task pane: three parts (Biểu mẫu / Kiểm tra / Tổng hợp) over the core and
// the thin Office.js layer in src/excel, reached only through the host it builds
// (src/excel/excel-host.ts). Vietnamese unless Office runs in English.
import { z } from 'zod';
import { excelHost } from '../excel/excel-host';
import { initCheckTab } from './check-tab';
import { initFormTab } from './form-tab';
import { Lang, StringKey, both, languageOf, translator } from './i18n';
import { initMergeTab } from './merge-tab';
import { Pane, byId } from './ui';
import { READ_TIME_LIMIT_MS } from '../workbook/file-limits';
import { ReadWorkerPool, readerCount } from './worker-client';

// zod would probe `new Function` for speed; the CSP forbids eval, so say so up front.
z.config({ jitless: true });

function translatePage(lang: Lang): void {
  const t = translator(lang);
  document.documentElement.lang = lang;
  document.title = t('appTitle');
  for (const e of document.querySelectorAll<HTMLElement>('[data-i18n]')) e.textContent = t(e.dataset.i18n as StringKey);
}

function initTabs(onShow: Record<string, () => void>): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const show = (tab: HTMLButtonElement, focus: boolean) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      byId(other.getAttribute('aria-controls')!).hidden = !selected;
    }
    if (focus) tab.focus();
    onShow[tab.id]?.();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => show(tab, false));
    // Arrow keys move between tabs, as in Office's own tab lists.
    tab.addEventListener('keydown', (e) => {
      const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : undefined;
      if (next === undefined) return;
      e.preventDefault();
      show(tabs[(next + tabs.length) % tabs.length], true);
    });
  });
}

function start(): void {
  const lang = languageOf(Office.context.displayLanguage);
  const t = translator(lang);
  translatePage(lang);
  const host = excelHost();
  const form = initFormTab({ lang, t }, host);
  const pane: Pane = { lang, t, campaign: form.campaign };
  const check = initCheckTab(pane, host);
  // One reading worker per core (up to four), each file under the same time limit as on the command line.
  const worker = new ReadWorkerPool('read-worker.js', both('workerFailed'), readerCount(), READ_TIME_LIMIT_MS, both('workerTimeout'));
  const merge = initMergeTab(pane, host, worker);
  initTabs({ 'tab-check': () => check.activate(), 'tab-merge': () => merge.activate() });
  byId('boot').hidden = true;
  byId('app').hidden = false;
}

if (typeof Office === 'undefined') {
  document.addEventListener('DOMContentLoaded', () => (byId('boot').textContent = translator('vi')('notInExcel')));
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      byId('boot').textContent = translator(languageOf(Office.context.displayLanguage))('notInExcel');
      return;
    }
    start();
  });
}
