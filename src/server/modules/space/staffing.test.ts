import { describe, expect, it } from 'vitest';
import { nextStaffedAt } from './staffing.js';

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

describe('nextStaffedAt', () => {
  it('finds the next opening in the group’s own time zone, across a weekend', () => {
    // Friday 27 November 2026, 18:00 in London: next is Monday 09:00 London (UTC in winter).
    expect(nextStaffedAt(weekdays, 'Europe/London', new Date('2026-11-27T18:00:00Z'))?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    // Tuesday 1 December 2026, 07:30 in New York: 09:00 the same day, 14:00 UTC.
    expect(nextStaffedAt(weekdays, 'America/New_York', new Date('2026-12-01T12:30:00Z'))?.toISOString()).toBe('2026-12-01T14:00:00.000Z');
  });

  it('keeps wall-clock hours across a daylight-saving change', () => {
    // Saturday 28 March 2026 in London; Monday 30 March is in summer time: 09:00 BST = 08:00 UTC.
    expect(nextStaffedAt(weekdays, 'Europe/London', new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('answers null when the group is never staffed', () => {
    expect(nextStaffedAt([], 'Europe/London', new Date('2026-11-27T18:00:00Z'))).toBeNull();
  });
});
