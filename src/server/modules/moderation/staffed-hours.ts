import { DateTime } from 'luxon';
import { z } from 'zod';

/** One staffed period: ISO weekday (1 = Monday … 7 = Sunday), local start and end in the group's zone. */
export interface StaffedPeriod {
  weekday: number;
  start: string;
  end: string;
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM, e.g. 09:00.');

export const staffedPeriodSchema = z
  .strictObject({ weekday: z.number().int().min(1).max(7), start: time, end: time })
  .refine((p) => p.start < p.end, { message: 'The end must be after the start (periods cannot cross midnight; add two).', path: ['end'] });

export const staffedHoursSchema = z.array(staffedPeriodSchema).max(28);

/** Reads the stored JSON; anything unreadable counts as "never staffed", the safe side. */
export function parseStaffedHours(json: string): StaffedPeriod[] {
  try {
    const parsed = staffedHoursSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Whether `now` falls in one of the periods, in the group's own time zone (DST-safe). */
export function isStaffed(periods: readonly StaffedPeriod[], timeZone: string, now: Date): boolean {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) return false;
  const hhmm = local.toFormat('HH:mm');
  return periods.some((p) => p.weekday === local.weekday && p.start <= hhmm && hhmm < p.end);
}

/** When the next staffed period starts after `now` (within a week), or null when none is set. */
export function nextStaffedStart(periods: readonly StaffedPeriod[], timeZone: string, now: Date): DateTime | null {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) return null;
  let best: DateTime | null = null;
  for (let day = 0; day <= 7; day++) {
    const date = local.plus({ days: day });
    for (const p of periods) {
      if (p.weekday !== date.weekday) continue;
      const [hour, minute] = p.start.split(':').map(Number) as [number, number];
      const start = date.set({ hour, minute, second: 0, millisecond: 0 });
      if (start > local && (!best || start < best)) best = start;
    }
    if (best) return best;
  }
  return best;
}
