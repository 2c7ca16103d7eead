// "name (2)": the next name not yet taken, compared without case (as Excel and
// file systems do). Used for sheet names (31 characters at most) and for picked files.
export function uniqueName(base: string, taken: Iterable<string>, maxLength = Infinity): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = (base.length + suffix.length > maxLength ? base.slice(0, maxLength - suffix.length).trimEnd() : base) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
