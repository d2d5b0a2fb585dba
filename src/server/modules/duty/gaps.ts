/** A period of time, ISO instants. */
export interface Period {
  startsAt: string;
  endsAt: string;
}

/**
 * The parts of [from, to) no shift covers, in order. Shifts may touch (one ends when the next
 * starts) and may overlap; neither leaves a gap.
 */
export function uncoveredPeriods(shifts: readonly Period[], from: string, to: string): Period[] {
  const sorted = [...shifts].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const gaps: Period[] = [];
  let cursor = from;
  for (const shift of sorted) {
    if (shift.endsAt <= cursor) continue;
    if (shift.startsAt >= to) break;
    if (shift.startsAt > cursor) gaps.push({ startsAt: cursor, endsAt: shift.startsAt });
    cursor = shift.endsAt;
    if (cursor >= to) break;
  }
  if (cursor < to) gaps.push({ startsAt: cursor, endsAt: to });
  return gaps;
}
