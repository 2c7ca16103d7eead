// Inserts sheet plans into the open workbook as new sheets, never over existing
// data: a taken name gets the next free one ("Biểu CTXH 2025 (2)"). Sheets are
// replaced only when the caller says which (after the user confirmed).
// Two syncs whatever the size (list names, write all), plus one per extra 4 MB request;
// the budget is shared by all plans of one call, counted in UTF-8 bytes.
import { SheetPlan } from '../core/plan';
import { uniqueName } from '../core/unique-name';
import { Features, Omission, detectFeatures, omissionIntro, omissionItems, omissionMessage } from './features';
import { Band, planBands, protectionOptions, queueBand, queueSheetPlan } from './render';

/** Stay well under Excel on the web's 5 MB per request. */
export const REQUEST_BUDGET = 4_000_000;

const BAD_CHARS = /[[\]:*?/\\]/g;

/** A legal sheet name not in `taken` (compared without case, as Excel does). */
export function nextFreeName(base: string, taken: Iterable<string>): string {
  const clean = base.replace(BAD_CHARS, '-').replace(/^'+|'+$/g, '').slice(0, 31).trim() || 'Sheet';
  return uniqueName(clean, taken, 31);
}

export interface InsertOptions {
  lang: 'vi' | 'en';
  features?: Features;
  /** Existing sheets to delete in the same step (the user confirmed replacing them). */
  replace?: string[];
  /** Activate the first inserted sheet; default true. */
  activate?: boolean;
  budget?: number;
}

export interface InsertResult {
  /** Actual names of the inserted sheets, in plan order. */
  sheets: string[];
  omitted: Omission[];
  /** Plain sentence on what was left out, if anything. */
  message?: string;
  /** The same, as an introduction and one item per feature. */
  leftOut?: { intro: string; items: string[] };
}

/** Names of the existing sheets (one sync). */
export async function listSheets(): Promise<string[]> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    return sheets.items.map((s) => s.name);
  });
}

export async function insertSheetPlans(plans: SheetPlan[], opts: InsertOptions): Promise<InsertResult> {
  const features = opts.features ?? detectFeatures();
  const budget = opts.budget ?? REQUEST_BUDGET;
  return Excel.run(async (ctx) => {
    const collection = ctx.workbook.worksheets;
    collection.load('items/name');
    await ctx.sync();

    const replace = new Set((opts.replace ?? []).map((n) => n.toLowerCase()));
    const existing = collection.items.map((s) => s.name);
    const old = plans.length ? collection.items.filter((s) => replace.has(s.name.toLowerCase())) : [];
    const kept = existing.filter((n) => !replace.has(n.toLowerCase()));
    const oldNames = new Map(old.map((s) => [s, s.name.toLowerCase()]));
    const existingLower = new Set(existing.map((n) => n.toLowerCase()));

    // Final names ignore the sheets being replaced; while writing, a new sheet whose final name is still
    // held by an old one uses a free name ("Tổng hợp (2)"). The old sheets go, and the new ones take their
    // names, only at the very end, after every write: a failure leaves the previous summary as it was.
    const finals: string[] = [];
    const writing: string[] = [];
    const takenFinal = new Set(kept);
    const takenNow = new Set(existing.map((n) => n.toLowerCase()));
    for (const p of plans) {
      const final = nextFreeName(p.name, takenFinal);
      takenFinal.add(final);
      finals.push(final);
      const now = takenNow.has(final.toLowerCase()) ? nextFreeName(final, [...takenNow, ...takenFinal]) : final;
      takenNow.add(now.toLowerCase());
      writing.push(now);
    }
    // Formulas pointing at another sheet of the plan use the name it has while writing; Excel follows renames.
    const renames = new Map(plans.map((p, i) => [p.name, writing[i]]));

    // One request budget per sync, shared by every plan: bands are packed in order, and a band that would
    // overflow the current request starts the next one. Protection of a split sheet goes last.
    const banded = plans.map((p) => planBands(p, budget));
    const now: Band[][] = plans.map(() => []);
    const later: { sheet: number; band: Band }[][] = [];
    let acc = 0;
    let inFirst = true;
    plans.forEach((_p, i) =>
      banded[i].forEach((band) => {
        if (acc > 0 && acc + band.bytes > budget) {
          inFirst = false;
          later.push([]);
          acc = 0;
        }
        acc += band.bytes;
        if (inFirst) now[i].push(band);
        else later[later.length - 1].push({ sheet: i, band });
      }),
    );
    const split = plans.map((_p, i) => later.some((g) => g.some((x) => x.sheet === i)));

    const omitted: Omission[] = [];
    const sheets = writing.map((n) => collection.add(n));
    plans.forEach((plan, i) => {
      omitted.push(...queueSheetPlan(sheets[i], plan, { features, lang: opts.lang, renames, bands: now[i], protect: !split[i] }));
    });
    if (opts.activate !== false && sheets[0]) sheets[0].activate();

    const finish = () => {
      plans.forEach((plan, i) => {
        if (plan.protection && split[i] && features.layout)
          sheets[i].protection.protect(protectionOptions(plan.protection));
      });
      // Last in the last request: Excel stops a request at its first failing operation, so these run
      // only when everything before them was written.
      for (const s of old) s.delete();
      sheets.forEach((s, i) => {
        if (writing[i] !== finals[i]) s.name = finals[i];
      });
    };

    try {
      if (!later.length) finish();
      await ctx.sync();
      for (let g = 0; g < later.length; g++) {
        for (const item of later[g]) queueBand(sheets[item.sheet], plans[item.sheet], item.band, renames);
        if (g === later.length - 1) finish();
        await ctx.sync();
      }
    } catch (e) {
      // Take away the half-written new sheets (best effort), but only while every old sheet is still there:
      // the user must never be left with neither.
      try {
        const now = ctx.workbook.worksheets;
        now.load('items/name');
        await ctx.sync();
        const names = new Set(now.items.map((s) => s.name.toLowerCase()));
        if (old.every((s) => names.has(oldNames.get(s)!))) {
          const fresh = new Set(writing.map((n) => n.toLowerCase()));
          for (const s of now.items) if (fresh.has(s.name.toLowerCase()) && !existingLower.has(s.name.toLowerCase())) s.delete();
          await ctx.sync();
        }
      } catch {
        // nothing more to do: the error below is what the user needs to see
      }
      throw e;
    }
    const uniq = [...new Set(omitted)];
    return {
      sheets: finals,
      omitted: uniq,
      message: omissionMessage(uniq, opts.lang),
      ...(uniq.length ? { leftOut: { intro: omissionIntro(opts.lang), items: omissionItems(uniq, opts.lang) } } : {}),
    };
  });
}
