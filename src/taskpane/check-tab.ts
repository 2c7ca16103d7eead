// Part 2, "Kiểm tra": checks the form on the active sheet with the same core
// rules as the command line, lists every problem (click → cell), colours the
// wrong cells and re-checks as the unit types (worksheet.onChanged, ExcelApi 1.7).
import { extractReturn } from '../core/extract';
import { Problem, ReturnResult } from '../core/returns';
import { isCellEditModeError } from '../excel/features';
import { HighlightState, afterSheetChange, applyHighlights, isStructuralChange, selectCell, watchSheet } from '../excel/highlight';
import { readSheet } from '../excel/read-sheet';
import { Pane, busy, byId, describeError, el, message, showMessage } from './ui';

/** How soon to try again when Excel refused because a cell is being edited. */
const CELL_EDIT_RETRY_MS = 1000;

interface CheckState {
  sheetId?: string;
  sheetName?: string;
  highlight?: HighlightState;
  stopWatching?: () => Promise<void>;
  running?: Promise<void>;
  again: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/** 1-based column number of letters: A → 1, Z → 26, AA → 27, AZ → 52, BA → 53. */
function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Problems in sheet order (row, then column), errors first within a cell; problems without a cell first. */
export function sortProblems(problems: Problem[]): Problem[] {
  const key = (p: Problem) => {
    const m = /^([A-Z]+)(\d+)$/.exec(p.cell ?? '');
    return m ? Number(m[2]) * 20_000 + columnNumber(m[1]) : -1;
  };
  return [...problems].sort((a, b) => key(a) - key(b) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function initCheckTab(pane: Pane): { activate(): void } {
  const t = pane.t;
  const status = byId('check-status');
  const list = byId<HTMLUListElement>('problem-list');
  const live = byId<HTMLInputElement>('live-check');
  const checkBtn = byId<HTMLButtonElement>('btn-check');
  const state: CheckState = { again: false };

  if (!pane.features.events) {
    byId('live-wrap').hidden = true;
    byId('live-unavailable').hidden = false;
  }

  const render = (result: ReturnResult, sheetName: string) => {
    const errors = result.problems.filter((p) => p.severity === 'error');
    const warnings = result.problems.filter((p) => p.severity === 'warning');
    const where = t('checkedSheet', { sheet: sheetName });
    const notForm = result.problems.find((p) => p.code === 'form.notFound');
    if (notForm) {
      // Not a form at all: one plain explanation, no list.
      showMessage(status, 'info', where, notForm.message[pane.lang]);
      list.replaceChildren();
      return;
    }
    if (!errors.length && !warnings.length) {
      showMessage(status, 'success', t('allValid'), where, t('allValidDetail', { rows: result.rows.length, unit: result.unit ?? '' }));
    } else if (!errors.length) {
      showMessage(status, 'warning', t('validWithWarnings', { w: warnings.length }), where, t('clickToGo'));
    } else {
      const title = warnings.length ? `${t('hasErrors', { e: errors.length })} ${t('warningsToo', { w: warnings.length })}` : t('hasErrors', { e: errors.length });
      showMessage(status, 'error', title, where, result.problems.some((p) => p.cell) ? t('clickToGo') : undefined);
    }
    list.replaceChildren(
      ...sortProblems(result.problems).map((p) => {
        const sev = p.severity === 'error' ? t('error') : t('warning');
        const btn = el(
          'button',
          { type: 'button', class: `problem ${p.severity}`, 'data-cell': p.cell, 'data-code': p.code, title: `${sev}${p.cell ? ` — ${p.cell}` : ''}` },
          el('span', { class: 'cell-chip' }, p.cell ?? t('noCell')),
          el('span', { class: 'msg' }, el('span', { class: 'visually-hidden' }, `${sev}: `), p.message[pane.lang]),
        );
        if (p.cell && state.sheetId) {
          const id = state.sheetId;
          const cell = p.cell;
          btn.addEventListener('click', () => void selectCell(id, cell).catch((e) => showMessage(status, 'error', describeError(e, pane))));
        } else btn.disabled = !p.cell;
        return el('li', {}, btn);
      }),
    );
  };

  /** Bumped when rows or cells are inserted or deleted: a check that started before must not keep its addresses. */
  let structure = 0;

  const checkOnce = async (sheetId?: string) => {
    const seen = structure;
    const read = await readSheet({ sheetId, features: pane.features });
    const result = extractReturn(read.raw, { campaignYear: pane.campaign().year });
    if (state.sheetId !== read.sheetId) {
      await state.stopWatching?.().catch(() => undefined);
      state.stopWatching = undefined;
      // Moving to another sheet: take our colours off the one checked before (it may be gone).
      if (state.highlight && Object.keys(state.highlight.original).length)
        await applyHighlights(state.highlight.sheetId, [], state.highlight).catch(() => undefined);
      state.highlight = undefined;
    }
    state.sheetId = read.sheetId;
    state.sheetName = read.sheetName;
    render(result, read.sheetName);
    const marks = result.problems.filter((p) => p.cell && /^[A-Z]{1,3}\d+$/.test(p.cell)).map((p) => ({ cell: p.cell!, severity: p.severity }));
    const hl = await applyHighlights(read.sheetId, marks, state.highlight);
    state.highlight = seen === structure ? hl.state : { sheetId: hl.state.sheetId, original: {}, marked: {} };
    if (hl.notice) status.append(message('warning', hl.notice[pane.lang]));
    if (live.checked && pane.features.events && !state.stopWatching) {
      state.stopWatching = await watchSheet(read.sheetId, (args) => {
        if (isStructuralChange(args)) structure++;
        state.highlight = afterSheetChange(state.highlight, args);
        schedule();
      });
    }
  };

  /** One check at a time; edits during a check trigger one more afterwards. `null`: the active sheet. */
  const run = (target: string | null): Promise<void> => {
    if (state.running) {
      state.again = true;
      return state.running;
    }
    state.running = (async () => {
      try {
        let next: string | null | undefined = target;
        do {
          state.again = false;
          await checkOnce(next ?? undefined);
          next = state.sheetId;
        } while (state.again);
      } catch (e) {
        // The unit is typing in a cell (older Excel cannot wait for them): try again shortly, no error.
        if (isCellEditModeError(e)) schedule(CELL_EDIT_RETRY_MS);
        else showMessage(status, 'error', describeError(e, pane));
      } finally {
        state.running = undefined;
      }
    })();
    return state.running;
  };

  // Typing produces a burst of change events: wait for a pause.
  const schedule = (delay = 350) => {
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => void run(state.sheetId ?? null), delay);
  };

  checkBtn.addEventListener('click', () => {
    void busy(checkBtn, async () => {
      if (!status.hasChildNodes()) showMessage(status, 'info', t('checking'));
      if (state.running) await state.running;
      await run(null); // the button checks whatever sheet is active now
    });
  });

  live.addEventListener('change', () => {
    if (!live.checked && state.stopWatching) {
      const stop = state.stopWatching;
      state.stopWatching = undefined;
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
