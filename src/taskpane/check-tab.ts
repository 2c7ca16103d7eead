// Part 2, "Kiểm tra": checks the form on the active sheet with the same core
// rules as the command line, lists every problem (click → cell), colours the
// wrong cells and re-checks as the unit types (where the host reports edits).
// State and wording: check-state.ts; sheets go through the host.
import { extractReturn } from '../core/extract';
import { ReturnResult } from '../core/returns';
import { CheckState, CheckSummary, checkSummary, checked, initialCheckState, marksOf, sheetEdited, sortProblems } from './check-state';
import { PaneHost } from './host';
import { Pane, busy, byId, describeError, el, message, showMessage } from './ui';

export { sortProblems };

/** How soon to try again when the host refused because a cell is being edited. */
const CELL_EDIT_RETRY_MS = 1000;

function renderCheck(pane: Pane, host: PaneHost, sheetId: string | undefined, result: ReturnResult, summary: CheckSummary): void {
  const t = pane.t;
  const status = byId('check-status');
  const list = byId<HTMLUListElement>('problem-list');
  const title = summary.title.map((p) => t(p.key, p.vars)).join(' ');
  const lines = summary.lines.map((l) => ('text' in l ? summary.notForm!.message[pane.lang] : t(l.key, l.vars)));
  showMessage(status, summary.kind, title, ...lines);
  if (summary.notForm) return list.replaceChildren();
  list.replaceChildren(
    ...sortProblems(result.problems).map((p) => {
      const sev = p.severity === 'error' ? t('error') : t('warning');
      const btn = el(
        'button',
        { type: 'button', class: `problem ${p.severity}`, 'data-cell': p.cell, 'data-code': p.code, title: `${sev}${p.cell ? ` — ${p.cell}` : ''}` },
        el('span', { class: 'cell-chip' }, p.cell ?? t('noCell')),
        el('span', { class: 'msg' }, el('span', { class: 'visually-hidden' }, `${sev}: `), p.message[pane.lang]),
      );
      if (p.cell && sheetId) {
        const cell = p.cell;
        btn.addEventListener('click', () => void host.selectCell(sheetId, cell).catch((e) => showMessage(status, 'error', describeError(e, pane))));
      } else btn.disabled = !p.cell;
      return el('li', {}, btn);
    }),
  );
}

export function initCheckTab(pane: Pane, host: PaneHost): { activate(): void } {
  const t = pane.t;
  const status = byId('check-status');
  const live = byId<HTMLInputElement>('live-check');
  const checkBtn = byId<HTMLButtonElement>('btn-check');
  let state: CheckState = initialCheckState;
  /** The running check, its watcher and timer: effects, kept beside the state. */
  let stopWatching: (() => Promise<void>) | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  if (!host.watchSheet) {
    byId('live-wrap').hidden = true;
    byId('live-unavailable').hidden = false;
  }

  const checkOnce = async (sheetId?: string) => {
    const seen = state.structure;
    const read = await host.readSheet({ sheetId });
    const result = extractReturn(read.raw, { campaignYear: pane.campaign().year });
    if (state.sheetId !== read.sheetId) {
      await stopWatching?.().catch(() => undefined);
      stopWatching = undefined;
      // Moving to another sheet: take our colours off the one checked before (it may be gone).
      if (state.highlight && Object.keys(state.highlight.original).length)
        await host.markCells(state.highlight.sheetId, [], state.highlight).catch(() => undefined);
      state = { ...state, highlight: undefined };
    }
    state = { ...state, sheetId: read.sheetId, sheetName: read.sheetName };
    renderCheck(pane, host, read.sheetId, result, checkSummary(result, read.sheetName));
    const hl = await host.markCells(read.sheetId, marksOf(result), state.highlight);
    state = checked(state, read.sheetId, read.sheetName, hl.state, seen);
    if (hl.notice) status.append(message('warning', hl.notice[pane.lang]));
    if (live.checked && host.watchSheet && !stopWatching) {
      stopWatching = await host.watchSheet(read.sheetId, (change) => {
        state = sheetEdited(state, change);
        schedule();
      });
    }
  };

  /** One check at a time; edits during a check trigger one more afterwards. `null`: the active sheet. */
  const run = (target: string | null): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let next: string | null | undefined = target;
        do {
          again = false;
          await checkOnce(next ?? undefined);
          next = state.sheetId;
        } while (again);
      } catch (e) {
        // The unit is typing in a cell (older Excel cannot wait for them): try again shortly, no error.
        if (host.isBusy(e)) schedule(CELL_EDIT_RETRY_MS);
        else showMessage(status, 'error', describeError(e, pane));
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  // Typing produces a burst of change events: wait for a pause.
  const schedule = (delay = 350) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(state.sheetId ?? null), delay);
  };

  checkBtn.addEventListener('click', () => {
    void busy(checkBtn, async () => {
      if (!status.hasChildNodes()) showMessage(status, 'info', t('checking'));
      if (running) await running;
      await run(null); // the button checks whatever sheet is active now
    });
  });

  live.addEventListener('change', () => {
    if (!live.checked && stopWatching) {
      const stop = stopWatching;
      stopWatching = undefined;
      void stop().catch(() => undefined);
    } else if (live.checked && state.sheetId) void run(state.sheetId);
  });

  let checkedOnce = false;
  checkBtn.addEventListener('click', () => (checkedOnce = true));
  return {
    activate() {
      // Opening the part checks the active sheet straight away; later checks follow edits or the button.
      if (checkedOnce) return;
      checkedOnce = true;
      showMessage(status, 'info', t('checking'));
      void run(null);
    },
  };
}
