// The roster of one province, chosen by a name typed loosely; a name that is no province today is explained.
import type { Message } from '../i18n';
import { RosterSheetRow, rosterCsv, rosterSheetPlan } from '../roster-sheet';
import type { SheetPlan } from '../plan';
import type { GroupId } from '../vocabulary';
import type { NationalIndex, Province } from './national-index';
import { provinceRosterRows, RosterTemplateRow } from './roster-template';

export type ProvinceChoice = { ok: true; province: Province } | { ok: false; code: 'province.merged' | 'province.unknown'; message: Message };

export function chooseProvince(index: NationalIndex, text: string): ProvinceChoice {
  const r = index.findProvince(text);
  if (r.kind === 'found') return { ok: true, province: r.province };
  if (r.kind === 'merged') {
    return {
      ok: false,
      code: 'province.merged',
      message: {
        vi: `“${text.trim()}” không còn là một tỉnh từ 1/7/2025: tỉnh ${r.former} nay thuộc ${r.province.name}. Hãy dùng --province "${r.province.short}".`,
        en: `“${text.trim()}” is no longer a province since 1/7/2025: ${r.former} is now part of ${r.province.name}. Use --province "${r.province.short}".`,
      },
    };
  }
  const all = index.provinces.map((p) => p.short).join(', ');
  return {
    ok: false,
    code: 'province.unknown',
    message: {
      vi: `Không có tỉnh, thành phố nào tên “${text.trim()}”. Cả nước có ${index.provinces.length} tỉnh, thành phố: ${all}.`,
      en: `No province or city is called “${text.trim()}”. The ${index.provinces.length} provinces and cities are: ${all}.`,
    },
  };
}

export interface ProvinceRoster {
  province: Province;
  rows: RosterTemplateRow[];
  plan: SheetPlan;
  csv: string;
}

/** Everything a roster file of the province needs: its rows, as a sheet plan (.xlsx / task pane) and as CSV. */
export function provinceRoster(index: NationalIndex, province: Province, year: number, headings: Record<GroupId, string>): ProvinceRoster {
  const rows = provinceRosterRows(index, province);
  const sheetRows: RosterSheetRow[] = rows.map((r) => ({ unit: r.unit, group: r.group, note: r.note }));
  const source = `Danh sách xã, phường, đặc khu theo danh mục đơn vị hành chính (bản ${index.version}).`;
  return {
    province,
    rows,
    plan: rosterSheetPlan(sheetRows, { province: province.name, year, headings, source }),
    csv: rosterCsv(sheetRows, headings),
  };
}
