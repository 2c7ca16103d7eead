// File names every system and mail program keeps as they are: ASCII letters, digits and dashes.

/** "UBND xã Đoàn Kết" gives "UBND-xa-Doan-Ket". */
export function asciiSlug(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'don-vi';
}

/** One form per unit: "bieu-mau-CTXH-2027-UBND-xa-Doan-Ket.xlsx"; a name met twice gets "-2", "-3". */
export function formFileNames(year: number, units: readonly string[]): string[] {
  const used = new Map<string, number>();
  return units.map((u) => {
    const base = `bieu-mau-CTXH-${year}-${asciiSlug(u)}`;
    const key = base.toLowerCase(); // Windows and macOS folders ignore case
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    return `${base}${n > 1 ? `-${n}` : ''}.xlsx`;
  });
}
