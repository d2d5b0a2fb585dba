import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { matchingForm, normalizeForStorage } from './normalize-text.js';
import { isStaffed, nextStaffedStart, parseStaffedHours } from './staffed-hours.js';
import { matchWatchedPhrases, normalizePhrase, redactPhrases, type WatchedPhrase } from './watched-phrases.js';

const phrase = (text: string, action: WatchedPhrase['action']): WatchedPhrase => ({ id: text, normalized: normalizePhrase(text), action });

describe('normalisation', () => {
  it('stores NFKC without invisible characters; keeps emoji joiners', () => {
    expect(normalizeForStorage('ｈｅｌｌｏ\u200B world\uFEFF')).toBe('hello world');
    expect(normalizeForStorage('family 👩\u200D👧')).toBe('family 👩\u200D👧');
    expect(normalizeForStorage('a\r\nb')).toBe('a\nb');
  });

  it('refuses right-to-left overrides and over-long text with validation_failed', () => {
    expect(() => normalizeForStorage('call \u202Eme')).toThrow(AppError);
    expect(() => normalizeForStorage('x'.repeat(20_001))).toThrow(/too long/);
  });

  it('gives matchers a lower-case form without joiners and with straight quotes', () => {
    expect(matchingForm('I’M  Fine\u200D')).toBe("i'm fine");
  });
});

describe('watched phrases', () => {
  it('match whole words, case-insensitively, after NFKC', () => {
    const list = [phrase('Pro Ana', 'block'), phrase('kill', 'flag')];
    expect(matchWatchedPhrases('anyone here PRO   ANA?', list).map((m) => m.phrase.id)).toEqual(['Pro Ana']);
    expect(matchWatchedPhrases('ｐｒｏ ａｎａ tips', list)).toHaveLength(1);
    expect(matchWatchedPhrases('my skills improved', list)).toHaveLength(0);
    expect(matchWatchedPhrases('kill-joy', list)).toHaveLength(1);
  });

  it('redact every occurrence and nothing else', () => {
    expect(redactPhrases('Bloody hell, bloody bus', [phrase('bloody', 'redact')])).toBe('[removed] hell, [removed] bus');
    expect(redactPhrases('a (b) c', [phrase('(b)', 'redact')])).toBe('a (b) c'.replace('(b)', '[removed]'));
  });
});

describe('staffed hours', () => {
  const weekdays = parseStaffedHours(JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }))));

  it('are read in the group’s time zone, DST included', () => {
    // Monday 26 October 2026: London is on GMT; 08:30 UTC is 08:30 there, New York 04:30.
    expect(isStaffed(weekdays, 'Europe/London', new Date('2026-10-26T09:30:00Z'))).toBe(true);
    expect(isStaffed(weekdays, 'Europe/London', new Date('2026-10-26T17:00:00Z'))).toBe(false);
    expect(isStaffed(weekdays, 'America/New_York', new Date('2026-10-26T09:30:00Z'))).toBe(false);
    // Summer: 08:30 UTC is 09:30 in London (BST).
    expect(isStaffed(weekdays, 'Europe/London', new Date('2026-07-06T08:30:00Z'))).toBe(true);
    // Saturday.
    expect(isStaffed(weekdays, 'Europe/London', new Date('2026-10-31T12:00:00Z'))).toBe(false);
  });

  it('count unreadable settings as never staffed (the safe side)', () => {
    expect(parseStaffedHours('not json')).toEqual([]);
    expect(parseStaffedHours('[{"weekday":9,"start":"09:00","end":"17:00"}]')).toEqual([]);
    expect(isStaffed([], 'Europe/London', new Date())).toBe(false);
  });
});

describe('the next staffed period', () => {
  const mondays = [{ weekday: 1, start: '09:00', end: '17:00' }];
  it('is later the same day, or the same weekday next week, in the group’s zone; none without periods', () => {
    // Monday 2 November 2026 (GMT, so London wall time equals UTC).
    expect(nextStaffedStart(mondays, 'Europe/London', new Date('2026-11-02T08:00:00Z'))?.toISO()).toBe('2026-11-02T09:00:00.000+00:00');
    expect(nextStaffedStart(mondays, 'Europe/London', new Date('2026-11-02T18:00:00Z'))?.toISO()).toBe('2026-11-09T09:00:00.000+00:00');
    // Across the clocks going forward (29 March 2026): 09:00 London is 08:00 UTC.
    expect(nextStaffedStart(mondays, 'Europe/London', new Date('2026-03-28T12:00:00Z'))?.toUTC().toISO()).toBe('2026-03-30T08:00:00.000Z');
    expect(nextStaffedStart([], 'Europe/London', new Date('2026-11-02T08:00:00Z'))).toBeNull();
  });
});
