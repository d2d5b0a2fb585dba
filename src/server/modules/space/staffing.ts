import { DateTime } from 'luxon';
import type { DbOrTx } from '../../db/database.js';
import { isStaffed, parseStaffedHours, type StaffedPeriod } from '../moderation/staffed-hours.js';

/** When a facilitator is next on duty after `now`, within a week; null when never. */
export function nextStaffedAt(periods: readonly StaffedPeriod[], timeZone: string, now: Date): Date | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) return null;
  let best: DateTime | null = null;
  for (let day = 0; day <= 7; day++) {
    const date = local.plus({ days: day });
    for (const period of periods) {
      if (period.weekday !== date.weekday) continue;
      const [hour, minute] = period.start.split(':').map(Number);
      const start = date.set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
      if (start > local && (!best || start < best)) best = start;
    }
    if (best) break;
  }
  return best ? best.toJSDate() : null;
}

/** The group's moderation mode and whether a facilitator is on duty now (the space's banner). */
export async function staffingOf(db: DbOrTx, groupId: string, now: Date) {
  const group = await db.selectFrom('therapy_groups').select(['timezone', 'staffed_hours', 'moderation_mode']).where('id', '=', groupId).executeTakeFirstOrThrow();
  const periods = parseStaffedHours(group.staffed_hours);
  const staffedNow = isStaffed(periods, group.timezone, now);
  return {
    staffedNow,
    nextStaffedAt: staffedNow ? null : (nextStaffedAt(periods, group.timezone, now)?.toISOString() ?? null),
    moderationMode: group.moderation_mode === 'pre' ? ('pre' as const) : ('post' as const),
  };
}
