import { describe, expect, it } from 'vitest';
import { expandSchedule, toLocal } from './recurrence.js';

const now = new Date('2026-10-01T00:00:00Z');

describe('expandSchedule', () => {
  it('keeps an 18:00 London group at 18:00 local across the October clock change', () => {
    const sessions = expandSchedule({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3', firstSessionLocal: '2026-10-20T18:00', timezone: 'Europe/London', durationMinutes: 90 }, now);
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-10-20T17:00:00.000Z', // BST, UTC+1
      '2026-10-27T18:00:00.000Z', // GMT after 25 October
      '2026-11-03T18:00:00.000Z',
    ]);
    expect(sessions.map((s) => toLocal(s.startsAt, 'Europe/London'))).toEqual(['2026-10-20T18:00', '2026-10-27T18:00', '2026-11-03T18:00']);
    expect(sessions[0]?.endsAt.toISOString()).toBe('2026-10-20T18:30:00.000Z');
  });

  it('handles the spring change in New York', () => {
    const sessions = expandSchedule({ rrule: 'FREQ=WEEKLY;COUNT=2', firstSessionLocal: '2027-03-07T10:00', timezone: 'America/New_York', durationMinutes: 60 }, now);
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual(['2027-03-07T15:00:00.000Z', '2027-03-14T14:00:00.000Z']);
  });

  it('refuses unknown zones, invalid rules and impossible dates with invalid_schedule', () => {
    const base = { rrule: 'FREQ=WEEKLY;COUNT=2', firstSessionLocal: '2026-10-20T18:00', timezone: 'Europe/London', durationMinutes: 60 };
    expect(() => expandSchedule({ ...base, timezone: 'Mars/Olympus' }, now)).toThrow(/not a known time zone/);
    expect(() => expandSchedule({ ...base, rrule: 'FREQ=SOMETIMES' }, now)).toThrow(/FREQ=DAILY/);
    expect(() => expandSchedule({ ...base, rrule: 'FREQ=WEEKLY;DTSTART=20260101' }, now)).toThrow(/unsupported part/);
    expect(() => expandSchedule({ ...base, rrule: 'FREQ=WEEKLY;COUNT=0' }, now)).toThrow(/COUNT/);
    expect(() => expandSchedule({ ...base, rrule: 'FREQ=WEEKLY;BYDAY=XX;COUNT=12' }, now)).toThrow(/BYDAY/);
    expect(expandSchedule({ ...base, rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=2' }, now)).toHaveLength(2);
    expect(() => expandSchedule({ ...base, firstSessionLocal: '2026-02-30T18:00' }, now)).toThrow(/not a real date/);
  });

  it('refuses sessions that would overlap', () => {
    expect(() => expandSchedule({ rrule: 'FREQ=DAILY;COUNT=3', firstSessionLocal: '2026-10-20T18:00', timezone: 'UTC', durationMinutes: 1500 }, now)).toThrow(/overlap/);
    expect(() =>
      expandSchedule({ rrule: 'FREQ=DAILY;INTERVAL=1;BYDAY=MO,TU;COUNT=4', firstSessionLocal: '2026-10-19T23:00', timezone: 'UTC', durationMinutes: 1441 }, now),
    ).toThrow(/overlap/);
  });

  it('bounds open-ended schedules to a year ahead', () => {
    const sessions = expandSchedule({ rrule: 'FREQ=WEEKLY', firstSessionLocal: '2026-10-06T09:00', timezone: 'UTC', durationMinutes: 60 }, now);
    expect(sessions.length).toBeGreaterThanOrEqual(52);
    expect(sessions.length).toBeLessThanOrEqual(56);
  });
});
