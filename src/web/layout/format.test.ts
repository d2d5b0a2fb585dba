import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, serviceFormat } from './format';

afterEach(() => serviceFormat({ locale: 'en-GB', timeZone: 'Europe/London' }));

describe('dates as the service writes them', () => {
  it('follows the service’s locale and time zone, not the browser’s', () => {
    serviceFormat({ locale: 'en-GB', timeZone: 'Europe/London' });
    expect(formatDateTime('2026-12-03T18:30:00Z')).toBe('3 Dec 2026, 18:30');
    expect(formatDate('2026-07-01T23:30:00Z')).toBe('2 Jul 2026'); // 00:30 in London (summer time)
    serviceFormat({ locale: 'en-US', timeZone: 'America/New_York' });
    expect(formatDateTime('2026-12-03T18:30:00Z')).toBe('Dec 3, 2026, 1:30 PM');
    expect(formatDate('2026-07-01T23:30:00Z')).toBe('Jul 1, 2026');
  });

  it('keeps a calendar date on its own day in every zone, and says "—" when there is none', () => {
    serviceFormat({ locale: 'en-US', timeZone: 'Pacific/Honolulu' });
    expect(formatDate('2026-12-03')).toBe('Dec 3, 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
