// A province's roster out of the box: its communes from the national list (group II), and suggested rows for
// the provincial bodies the campaign plans ask to report, marked as suggestions so a clerk deletes what does not apply.
import { GROUPS_2026, GroupId } from '../vocabulary';
import { COMMUNE_TYPE_WORD } from './commune-names';
import type { NationalIndex, Province } from './national-index';

export interface RosterTemplateRow {
  unit: string;
  group: GroupId;
  /** The "Ghi chú" cell: the commune's code, or that the row is a suggestion. */
  note: string;
  suggested: boolean;
  /** GSO code of a commune. */
  code?: string;
}

export const SUGGESTION_NOTE = 'Gợi ý: xóa nếu không áp dụng';

/**
 * Departments the plans name (health, now also social protection; education; home affairs, now labour; finance;
 * culture, now press; the provincial newspaper and broadcaster), the Fatherland Front and the five organisations
 * under it, and the social-assistance facilities and hospitals the plans ask to hold the day.
 */
function suggestions(p: Province): { unit: string; group: GroupId }[] {
  const of = p.kind === 'tinh' ? 'tỉnh' : 'thành phố';
  return [
    { unit: 'Sở Y tế', group: 'I' },
    { unit: 'Sở Giáo dục và Đào tạo', group: 'I' },
    { unit: 'Sở Nội vụ', group: 'I' },
    { unit: 'Sở Tài chính', group: 'I' },
    { unit: 'Sở Văn hóa, Thể thao và Du lịch', group: 'I' },
    { unit: `Báo và Phát thanh, Truyền hình ${p.short}`, group: 'I' },
    { unit: `Ủy ban Mặt trận Tổ quốc Việt Nam ${of}`, group: 'III' },
    { unit: `Hội Liên hiệp Phụ nữ ${of}`, group: 'III' },
    { unit: p.kind === 'tinh' ? 'Tỉnh Đoàn' : 'Thành Đoàn', group: 'III' },
    { unit: `Hội Nông dân ${of}`, group: 'III' },
    { unit: `Hội Cựu chiến binh ${of}`, group: 'III' },
    { unit: `Liên đoàn Lao động ${of}`, group: 'III' },
    { unit: `Trung tâm Bảo trợ xã hội ${of}`, group: 'IV' },
    { unit: `Trung tâm Công tác xã hội ${of}`, group: 'IV' },
    { unit: `Quỹ Bảo trợ trẻ em ${of}`, group: 'IV' },
    { unit: `Bệnh viện Đa khoa ${of}`, group: 'IV' },
  ];
}

/** The commune's People's Committee, the body that reports: "Xã Đoàn Kết" gives "UBND xã Đoàn Kết". */
export function communeReportingUnit(c: { type: keyof typeof COMMUNE_TYPE_WORD; bare: string }): string {
  return `UBND ${COMMUNE_TYPE_WORD[c.type]} ${c.bare}`;
}

/** Rows in group order: departments, communes (the list's order), Front and organisations, facilities. */
export function provinceRosterRows(index: NationalIndex, province: Province): RosterTemplateRow[] {
  const suggested = suggestions(province).map((s): RosterTemplateRow => ({ ...s, note: SUGGESTION_NOTE, suggested: true }));
  const communes = index.communes(province.code).map(
    (c): RosterTemplateRow => ({ unit: communeReportingUnit(c), group: 'II', note: `Mã ĐVHC ${c.code}`, suggested: false, code: c.code }),
  );
  return [...suggested.filter((r) => r.group === 'I'), ...communes, ...suggested.filter((r) => r.group !== 'I')];
}

/** Group cells of a roster for a campaign from 2026 on (the two-level country): the headings of its group set. */
export const COMMUNE_ERA_HEADINGS = Object.fromEntries(GROUPS_2026.groups.map((g) => [g.id, g.heading])) as Record<GroupId, string>;
