// Which campaign a date belongs to. Returns for 25 March come in by April; from 1 July offices prepare the
// next year's campaign (a plan issued in December 2026 is for the 25 March 2027 day).
export function reportingSeasonYear(now: Date): number {
  return now.getMonth() >= 6 ? now.getFullYear() + 1 : now.getFullYear();
}
