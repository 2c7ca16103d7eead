// Part 3, "Tổng hợp": pick or drop many returned files; each is read in the
// worker and listed as it arrives (unit, status, figures); "Tổng hợp" writes the
// consolidated sheets from the same plan as the command line into new sheets,
// replacing an earlier summary only after the user says so.
import { Merged, mergeReturns, sumRows } from '../core/merge';
import { ReturnResult, RosterEntry } from '../core/returns';
import { buildSummaryPlan } from '../core/summary-plan';
import { buildRoster } from '../core/units';
import { insertSheetPlans, listSheets } from '../excel/insert';
import { readSheet } from '../excel/read-sheet';
import { formatNumber, translator } from './i18n';
import { ROSTER_SHEET, rosterSheetPlan, sheetToCsv } from './roster';
import { Pane, busy, byId, describeError, el, message, showMessage } from './ui';
import { ReadWorker, WorkerFailed } from './worker-client';
import { MAX_FILE_BYTES, tooLargeMessage } from '../workbook/file-limits';
import { rejectedResult } from '../workbook/read/rejections';

/** Same cap as the reader's (src/workbook/read-workbook.ts); checked here so a huge file is never loaded. */

interface Entry {
  /** Unique per picked file, whatever its name. */
  id: number;
  /** The name the core and the summary see: the file's own name, or "name (2)" when another picked file has that name. */
  name: string;
  /** The file's own name. */
  original: string;
  size: number;
  modified: number;
  file: File;
  result?: ReturnResult;
}

/** Every unit may send back the blank form's name: "bieu-mau-ctxh-2025.xlsx" → "bieu-mau-ctxh-2025.xlsx (2)". */
export function uniqueFileName(name: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

async function sameBytes(a: File, b: File): Promise<boolean> {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
  const u = new Uint8Array(x);
  const v = new Uint8Array(y);
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  return true;
}

type Status = 'reading' | 'ok' | 'warning' | 'error' | 'superseded';

export function initMergeTab(pane: Pane, worker: ReadWorker): { activate(): void } {
  const t = pane.t;
  const entries: Entry[] = [];
  const list = byId<HTMLUListElement>('file-list');
  const status = byId('merge-status');
  const progress = byId('read-progress');
  const bar = byId<HTMLProgressElement>('progress-bar');
  const progressText = byId('progress-text');
  const input = byId<HTMLInputElement>('file-input');
  const drop = byId('drop-zone');
  const useRoster = byId<HTMLInputElement>('use-roster');
  const rosterStatus = byId('roster-status');
  const mergeBtn = byId<HTMLButtonElement>('btn-merge');
  const clearBtn = byId<HTMLButtonElement>('btn-clear-files');
  byId('use-roster-label').textContent = t('rosterUse', { sheet: ROSTER_SHEET });

  const params = () => pane.campaign();
  const context = byId('merge-context');
  const showContext = () => {
    const c = params();
    context.textContent = [c.year ? t('contextYear', { year: c.year }) : t('contextYearAuto'), c.province, c.body].filter(Boolean).join(' · ');
  };

  const statusOf = (e: Entry, preview: Merged): { status: Status; by?: string } => {
    if (!e.result) return { status: 'reading' };
    const sup = preview.superseded.find((s) => s.file === e.name);
    if (sup) return { status: 'superseded', by: sup.by };
    if (preview.rejected.some((r) => r.file === e.name)) return { status: 'error' };
    const acc = preview.accepted.find((a) => a.file === e.name);
    if (acc) return { status: acc.warnings.length ? 'warning' : 'ok' };
    return { status: e.result.status === 'error' ? 'error' : e.result.status };
  };

  let reading = 0;
  let readTotal = 0;

  const render = () => {
    const done = entries.filter((e) => e.result).map((e) => e.result!);
    const preview = mergeReturns(done, { year: params()?.year });
    const label: Record<Status, string> = {
      reading: t('statusReading'),
      ok: t('statusOk'),
      warning: t('statusWarning'),
      error: t('statusError'),
      superseded: t('statusSuperseded'),
    };
    list.replaceChildren(
      ...entries.map((e) => {
        const st = statusOf(e, preview);
        const r = e.result;
        const totals = r ? sumRows(r.rows) : undefined;
        const figures =
          totals && r && r.rows.length
            ? `${t('people', { n: formatNumber(totals.participants, pane.lang) })} · ${t('money', { n: formatNumber(totals.totalFunding, pane.lang) })}`
            : undefined;
        const remove = el('button', { type: 'button', class: 'file-remove', 'aria-label': t('removeFile', { file: e.name }), title: t('removeFile', { file: e.name }) }, '×');
        remove.addEventListener('click', () => {
          entries.splice(entries.indexOf(e), 1);
          render();
        });
        const problems = r?.problems ?? [];
        const details =
          st.status === 'superseded'
            ? el('div', { class: 'file-name' }, t('supersededBy', { by: st.by ?? '' }))
            : problems.length
              ? el(
                  'details',
                  { open: st.status === 'error' && problems.length <= 3 },
                  el('summary', {}, t('problemCount', { n: problems.length })),
                  el('ul', {}, ...problems.map((p) => el('li', {}, `${p.cell ? `${p.sheet ? `${p.sheet}!` : ''}${p.cell}: ` : ''}${p.message[pane.lang]}`))),
                )
              : null;
        return el(
          'li',
          { class: 'file', 'data-id': String(e.id), 'data-file': e.name, 'data-status': st.status },
          el(
            'div',
            { class: 'file-head' },
            el(
              'div',
              { class: 'file-main' },
              el('div', { class: 'file-unit' }, r?.unit ?? (r ? t('unknownUnit') : e.name)),
              el('div', { class: 'file-name' }, e.name),
              figures ? el('div', { class: 'file-figures' }, figures) : null,
            ),
            el('span', { class: `badge ${st.status}` }, label[st.status]),
            remove,
          ),
          details,
        );
      }),
    );
    clearBtn.hidden = entries.length === 0;
    if (!reading && entries.length) {
      const counts = new Map<Status, number>();
      for (const e of entries) {
        const st = statusOf(e, preview).status;
        counts.set(st, (counts.get(st) ?? 0) + 1);
      }
      const parts = (['ok', 'warning', 'error', 'superseded'] as Status[]).filter((k) => counts.get(k)).map((k) => `${counts.get(k)} ${label[k]}`);
      progress.hidden = false;
      bar.hidden = true;
      progressText.textContent = t('filesSummary', { total: entries.length, parts: parts.join(' · ') });
    }
  };

  let merging = false;
  /** "Tổng hợp" is off while files are being read (it would leave them out) and while a summary is being made. */
  const updateMergeButton = () => {
    mergeBtn.disabled = merging || reading > 0;
    mergeBtn.textContent = reading > 0 ? t('mergeWaitReading') : t('mergeNow');
    mergeBtn.setAttribute('aria-busy', String(reading > 0));
  };

  const updateProgress = () => {
    updateMergeButton();
    progress.hidden = readTotal === 0;
    bar.hidden = false;
    bar.max = Math.max(1, readTotal);
    bar.value = readTotal - reading;
    progressText.textContent = reading ? t('reading', { done: readTotal - reading, total: readTotal }) : t('readDone', { total: readTotal });
    if (!reading) readTotal = 0;
  };

  let nextId = 1;
  /** Listing is one pick at a time, so a pick's duplicates are judged against every earlier pick. */
  let listing: Promise<unknown> = Promise.resolve();
  const addFiles = async (files: File[]) => {
    reading += 1; // "Tổng hợp" waits while the pick is being listed, too
    updateMergeButton();
    const job = listing.then(() => listFiles(files));
    listing = job.catch(() => undefined);
    let fresh: Entry[];
    try {
      fresh = await job;
    } finally {
      reading -= 1;
    }
    await readEntries(fresh);
  };

  const listFiles = async (files: File[]): Promise<Entry[]> => {
    const picked = files.filter((f) => /\.(xlsx|xlsm|xls|ods)$/i.test(f.name) || f.type.includes('sheet') || f.type.includes('excel'));
    const fresh: Entry[] = [];
    for (const f of picked.length ? picked : files) {
      // The very same file picked again (same name, size, time and bytes) replaces the earlier one;
      // a different file that happens to have the same name is kept beside it as "name (2)".
      let same: Entry | undefined;
      for (const e of [...entries, ...fresh])
        if (e.original === f.name && e.size === f.size && e.modified === f.lastModified && (await sameBytes(e.file, f).catch(() => false))) {
          same = e;
          break;
        }
      if (same && fresh.includes(same)) continue; // the same file twice in one pick
      const name = same ? same.name : uniqueFileName(f.name, [...entries, ...fresh].map((e) => e.name));
      const entry: Entry = { id: nextId++, name, original: f.name, size: f.size, modified: f.lastModified, file: f };
      const old = same ? entries.indexOf(same) : -1;
      if (old >= 0) entries.splice(old, 1, entry);
      else entries.push(entry);
      fresh.push(entry);
    }
    return fresh;
  };

  const readEntries = async (fresh: Entry[]) => {
    reading += fresh.length;
    readTotal += fresh.length;
    updateProgress();
    render();
    const year = params()?.year;
    // One at a time: the worker is sequential anyway, and memory stays flat with hundreds of files.
    for (const entry of fresh) {
      const file = entry.file;
      try {
        if (file.size > MAX_FILE_BYTES) {
          entry.result = rejectedResult(entry.name, entry.modified, 'file.tooLarge', tooLargeMessage(file.size));
        } else {
          const bytes = await file.arrayBuffer();
          const reply = await worker.request({ kind: 'return', name: entry.name, modified: entry.modified, bytes, campaignYear: year }, [bytes]);
          entry.result = reply.ok && reply.kind === 'return' ? reply.result : !reply.ok ? rejectedResult(entry.name, entry.modified, reply.code, reply.text) : undefined;
        }
      } catch (e) {
        const text = e instanceof WorkerFailed ? e.text : { vi: describeError(e, { ...pane, lang: 'vi' }), en: describeError(e, { ...pane, lang: 'en' }) };
        entry.result = rejectedResult(entry.name, entry.modified, 'file.unreadable', text);
      }
      reading--;
      updateProgress();
      if (entries.includes(entry)) render();
    }
  };

  byId('btn-pick').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = ''; // picking the same file again must fire "change" again
    if (files.length) void addFiles(files);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) void addFiles(files);
  });
  clearBtn.addEventListener('click', () => {
    entries.length = 0;
    updateMergeButton();
    render();
    progress.hidden = true;
    status.replaceChildren();
  });

  // ---- roster
  const rosterBtn = byId<HTMLButtonElement>('btn-roster-insert');
  const refreshRoster = async () => {
    try {
      const sheets = await listSheets();
      const has = sheets.some((s) => s.toLowerCase() === ROSTER_SHEET.toLowerCase());
      useRoster.disabled = !has;
      rosterBtn.hidden = has; // a second empty list would only confuse
      if (!has) useRoster.checked = false;
      else if (!useRoster.dataset.touched) useRoster.checked = true;
      rosterStatus.textContent = has ? '' : t('rosterMissing', { sheet: ROSTER_SHEET });
    } catch (e) {
      rosterStatus.textContent = describeError(e, pane);
    }
  };
  useRoster.addEventListener('change', () => (useRoster.dataset.touched = '1'));
  rosterBtn.addEventListener('click', () => {
    void busy(rosterBtn, async () => {
      try {
        const res = await insertSheetPlans([rosterSheetPlan()], { lang: pane.lang, features: pane.features });
        await refreshRoster();
        rosterStatus.textContent = [t('rosterInserted', { sheet: res.sheets[0] }), res.message].filter(Boolean).join(' ');
      } catch (e) {
        rosterStatus.textContent = describeError(e, pane);
      }
    });
  });

  const readRoster = async (): Promise<{ entries?: RosterEntry[]; notes: string[] }> => {
    if (!useRoster.checked) return { notes: [] };
    const read = await readSheet({ sheetId: ROSTER_SHEET, features: pane.features });
    const bytes = sheetToCsv(read.raw);
    const reply = await worker.request({ kind: 'roster', name: ROSTER_SHEET, bytes: bytes.buffer as ArrayBuffer }, [bytes.buffer as ArrayBuffer]);
    if (!reply.ok) return { notes: [reply.text[pane.lang]] };
    if (reply.kind !== 'roster') return { notes: [] };
    const roster = buildRoster(reply.rows.map((r, i) => ({ unit: r.unit, group: r.group, line: i + 1 })));
    return { entries: roster.entries.length ? roster.entries : undefined, notes: roster.problems.map((p) => p.message[pane.lang]) };
  };

  // ---- confirm (Office add-ins cannot use window.confirm)
  const confirmBox = byId('confirm');
  const ask = (sheets: string[]): Promise<'keep' | 'replace' | 'cancel'> =>
    new Promise((resolve) => {
      byId('confirm-body').textContent = t('previousBody', { sheets: sheets.map((s) => `“${s}”`).join(', ') });
      confirmBox.hidden = false;
      mergeBtn.disabled = true;
      const buttons = { keep: byId('btn-keep'), replace: byId('btn-replace'), cancel: byId('btn-cancel') };
      const done = (choice: 'keep' | 'replace' | 'cancel') => {
        confirmBox.hidden = true;
        mergeBtn.disabled = false;
        for (const b of Object.values(buttons)) b.onclick = null;
        confirmBox.onkeydown = null;
        mergeBtn.focus();
        resolve(choice);
      };
      buttons.keep.onclick = () => done('keep');
      buttons.replace.onclick = () => done('replace');
      buttons.cancel.onclick = () => done('cancel');
      confirmBox.onkeydown = (e) => {
        if (e.key === 'Escape') done('cancel');
      };
      buttons.keep.focus();
    });

  mergeBtn.addEventListener('click', () => {
    void (async () => {
      if (merging) return;
      // Files still being read would silently be left out of the summary.
      if (reading > 0) return showMessage(status, 'info', t('mergeWaitReading'));
      const results = entries.filter((e) => e.result).map((e) => e.result!);
      if (!entries.length) return showMessage(status, 'warning', t('noFiles'));
      const p = params();
      merging = true;
      updateMergeButton();
      status.replaceChildren(); // the last run's outcome no longer applies
      try {
        const roster = await readRoster();
        rosterStatus.textContent = roster.notes.join(' ');
        const merged = mergeReturns(results, { roster: roster.entries, year: p?.year });
        if (!merged.accepted.length) return showMessage(status, 'error', t('nothingToMerge'));
        const plan = buildSummaryPlan(merged, { year: p?.year ?? merged.year, province: p?.province, body: p?.body, lang: pane.lang });
        const existing = new Set((await listSheets()).map((s) => s.toLowerCase()));
        const clash = plan.sheets.map((s) => s.name).filter((n) => existing.has(n.toLowerCase()));
        let replace: string[] = [];
        if (clash.length) {
          const choice = await ask(clash);
          updateMergeButton();
          if (choice === 'cancel') return showMessage(status, 'info', t('cancelled'));
          if (choice === 'replace') replace = clash;
        }
        showMessage(status, 'info', t('merging'));
        const res = await insertSheetPlans(plan.sheets, { lang: pane.lang, features: pane.features, replace });
        const coverage = t('coverage', { reported: merged.coverage.reported, expected: merged.coverage.expected });
        showMessage(status, res.leftOut ? 'warning' : 'success', t('merged', { sheet: res.sheets[0], coverage }), res.leftOut);
        if (merged.rejected.length)
          status.append(message('warning', t('rejectedNote', { n: merged.rejected.length, sheet: res.sheets[1] ?? res.sheets[0] })));
      } catch (e) {
        showMessage(status, 'error', describeError(e, pane));
      } finally {
        merging = false;
        updateMergeButton();
      }
    })();
  });

  return {
    activate() {
      showContext();
      void refreshRoster();
    },
  };
}
