// Which roster unit a return's name means in a campaign of the two-level country (2026 on), and what to tell
// the clerk when the name is of a unit that no longer exists: a district (abolished 1/7/2025), a pre-reform commune.
import type { Message } from '../i18n';
import { problemMessage } from '../messages';
import type { GroupId, RosterEntry } from '../vocabulary';
import { createCommuneMatcher, parseCommuneName } from './commune-names';
import type { NationalIndex, Province } from './national-index';
import { cleanPlaceText, looseKey } from './name-keys';

export interface UnitResolution {
  /** The roster entry it is. */
  rosterIndex?: number;
  /** Without a roster entry: where it goes. */
  group?: GroupId;
  warning?: { code: 'unit.formerCommune' | 'unit.splitCommune' | 'unit.districtAbolished' | 'unit.townAbolished'; message: Message };
}

export interface ResolverContext {
  index?: NationalIndex;
  /** The campaign's province: where a pre-reform commune name is looked up. */
  province?: Province;
}

const DISTRICT = /^(?:(?:ubnd|(?:ủy|uỷ|uy) ban nhân dân|uy ban nhan dan)\s*[.\-–]?\s*)?(huyện|huyen|quận|thị xã|thi xa|thành phố|thanh pho|h\.|q\.|tx\.?|tp\.?)\s*(\S.*)$/u;

/** "UBND huyện Bình Gia", "Huyện Chi Lăng", "UBND TP Lạng Sơn": a district-level body; a province's own name is not one. */
export function districtName(text: string, index?: NationalIndex): string | undefined {
  const s = cleanPlaceText(text);
  const m = DISTRICT.exec(s.toLowerCase());
  if (!m) return undefined;
  const rest = s.slice(s.length - m[2].length);
  // "UBND thành phố Hải Phòng" is a centrally-run city's own committee; "UBND thành phố Lạng Sơn" was a district-level city.
  if (/^(?:thành phố|thanh pho|tp)/u.test(m[1])) {
    const p = index?.findProvince(rest);
    if (p?.kind === 'found' && p.province.kind === 'thanh-pho') return undefined;
  }
  return rest;
}

/**
 * A resolver for one merge. Matching order: the roster's own matcher (given by the caller, as for every year),
 * then commune names as clerks write them, then a pre-reform commune the list maps to exactly one new one.
 */
export function createUnitResolver(
  roster: readonly RosterEntry[] | undefined,
  rosterMatch: ((name: string) => number | undefined) | undefined,
  ctx: ResolverContext = {},
): (unit: string) => UnitResolution {
  const communeMatch = roster ? createCommuneMatcher(roster.map((e) => e.unit)) : undefined;
  const province = ctx.province;
  return (unit: string): UnitResolution => {
    const direct = rosterMatch?.(unit) ?? communeMatch?.(unit);
    if (direct !== undefined) return { rosterIndex: direct };
    const parsed = parseCommuneName(unit);
    if (parsed.type && ctx.index && province) {
      // A commune of today's list not (or not yet) on the roster: still a commune.
      if (parsed.type !== 'thi-tran' && ctx.index.findCommune(province.code, unit)) return { group: roster ? 'V' : 'II' };
      const former = ctx.index.findFormerCommune(province.code, unit);
      if (former?.kind === 'one') {
        const idx = communeMatch?.(former.commune.name);
        const rosterUnit = idx !== undefined ? roster![idx].unit : undefined;
        return {
          ...(idx !== undefined ? { rosterIndex: idx } : { group: roster ? 'V' : 'II' }),
          warning: { code: 'unit.formerCommune', message: problemMessage('unit.formerCommune', cleanPlaceText(unit), former.former, former.commune.name, rosterUnit) },
        };
      }
      if (former?.kind === 'several') {
        return { group: 'V', warning: { code: 'unit.splitCommune', message: problemMessage('unit.splitCommune', cleanPlaceText(unit), former.former, former.communes.map((c) => c.name)) } };
      }
    }
    if (parsed.type === 'thi-tran') return { group: 'V', warning: { code: 'unit.townAbolished', message: problemMessage('unit.townAbolished', cleanPlaceText(unit)) } };
    if (districtName(unit, ctx.index) !== undefined) return { group: 'V', warning: { code: 'unit.districtAbolished', message: problemMessage('unit.districtAbolished', cleanPlaceText(unit)) } };
    if (parsed.type) return { group: roster ? 'V' : 'II' };
    return {};
  };
}

/** The province most of a roster's communes lie in, when it names any. */
export function provinceOfRoster(index: NationalIndex, units: readonly string[]): Province | undefined {
  const communes = units.filter((u) => {
    const t = parseCommuneName(u).type;
    return t && t !== 'thi-tran';
  });
  if (!communes.length) return undefined;
  let best: { p: Province; n: number } | undefined;
  for (const p of index.provinces) {
    const n = communes.filter((u) => index.findCommune(p.code, u)).length;
    if (n > 0 && (!best || n > best.n)) best = { p, n };
  }
  return best && best.n * 2 >= communes.length ? best.p : undefined;
}

/** Province named after a unit's name (", tỉnh Lạng Sơn"), when it is one of today's. */
export function provinceWritten(index: NationalIndex, unit: string): Province | undefined {
  for (const q of parseCommuneName(unit).qualifiers) {
    if (q.kind !== 'province' && q.kind !== 'city' && q.kind !== 'unknown') continue;
    const r = index.findProvince(q.name);
    if (r.kind === 'found') return r.province;
  }
  return undefined;
}

export const sameProvince = (a: Province | undefined, b: Province | undefined) => !!a && !!b && looseKey(a.code) === looseKey(b.code);
