// What the task pane and the page without Excel share around the tabs: the page's
// words from the string table, and the tab list.
import { Lang, StringKey, T, translator } from './i18n';
import { byId } from './ui';

export function translatePage(lang: Lang, t: T = translator(lang)): void {
  document.documentElement.lang = lang;
  document.title = t('appTitle');
  for (const e of document.querySelectorAll<HTMLElement>('[data-i18n]')) e.textContent = t(e.dataset.i18n as StringKey);
  for (const e of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) e.setAttribute('aria-label', t(e.dataset.i18nLabel as StringKey));
}

export function initTabs(onShow: Record<string, () => void>): void {
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
