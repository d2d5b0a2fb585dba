import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { assertNoContactDetails, findContactDetails } from './pii-guard.js';

/**
 * The edges of contact-details detection that a member would notice: a real number or handle let
 * through (contact pressure in the group), or an ordinary sentence refused.
 */
const kind = (text: string, mentions: string[] = []) => findContactDetails(text, mentions)?.kind ?? null;

describe('phone numbers by length', () => {
  it('counts 9 to 15 digits as a number to call, and not 8 or 16', () => {
    expect(kind('ring 12 345 6789')).toBe('phone');
    expect(kind('ring 1234 5678')).toBeNull();
    expect(kind('ring 123 456 789 012 345')).toBe('phone');
    expect(kind('ref 123 456 789 012 3456')).toBeNull();
  });

  it('lets lists of years and of scores through, but not a number that only starts or ends like a year', () => {
    expect(kind('moved in 1998 2004 2010')).toBeNull();
    expect(kind('scores 10 12 08 14 09 07')).toBeNull();
    expect(kind('(1998) (2004) (2010)')).toBeNull();
    expect(kind('call 20045 1998 2001')).toBe('phone');
    expect(kind('call 12004 1998 2001')).toBe('phone');
  });
});

describe('e-mail addresses', () => {
  it('tells an address from an @handle that looks like a domain', () => {
    expect(kind('see @gmail.com')).toBe('social_handle');
    expect(kind('write to jo@mail.example.org')).toBe('email');
  });

  it('reads addresses with digits or accented letters in the domain as addresses, not handles', () => {
    expect(kind('mail me at jo@163.com')).toBe('email');
    expect(kind('mail me at jo@vip.163.com')).toBe('email');
    expect(kind('mail me at jo@post.münchen.de')).toBe('email');
  });

  it('does not read an ordinary sentence with "at" and a full stop as a spelled-out address', () => {
    expect(kind('We met at work. Then we talked.')).toBeNull();
    expect(kind('jo at gmail dot com')).toBe('email');
  });
});

describe('handles and mentions', () => {
  it('finds a handle at the very start of a message', () => {
    expect(kind('@jo_smith add me')).toBe('social_handle');
  });

  it('lets a group member’s pseudonym through in the middle of a message, and only that one', () => {
    expect(kind('thanks @willow for that', ['willow'])).toBeNull();
    expect(kind('thanks, @willow!', ['willow'])).toBeNull();
    expect(kind('thanks @jo_smith for that', ['willow'])).toBe('social_handle');
  });

  it('does not read a lone character or punctuation after @ as a handle', () => {
    expect(kind('meet @7 tomorrow')).toBeNull();
    expect(kind('wow @!! really')).toBeNull();
  });
});

describe('contact details at the very start or end of a message, or alone', () => {
  it('finds a phone number, an address and a handle wherever they stand', () => {
    for (const [text, expected] of [
      ['07700 900123 text me', 'phone'],
      ['text me 07700 900123', 'phone'],
      ['+44 7700 900123', 'phone'],
      ['jo.smith@example.org is my email', 'email'],
      ['my email is jo.smith@example.org', 'email'],
      ['jo.smith@example.org', 'email'],
      ['add me @jo_smith', 'social_handle'],
      ['@jo_smith', 'social_handle'],
      ['insta: jo_smith', 'social_handle'],
      ['instagram.com/jo_smith', 'social_handle'],
    ] as const) {
      expect(kind(text), text).toBe(expected);
    }
  });

  it('lets the member’s own group mentions through at the start and end, and a crisis line anywhere', () => {
    expect(kind('@willow see you tuesday', ['willow'])).toBeNull();
    expect(kind('see you tuesday @willow', ['willow'])).toBeNull();
    expect(kind('@willow @jo_smith', ['willow'])).toBe('social_handle');
    expect(kind('116 123 if you need them')).toBeNull();
    expect(kind('ring samaritans on 116 123')).toBeNull();
  });
});

describe('what the author is told', () => {
  it('names the kind found and the reason, for each kind', () => {
    expect(findContactDetails('jo@example.org')?.message).toMatch(/^This looks like an e-mail address\. To protect everyone from contact pressure/);
    expect(findContactDetails('call 07700 900123')?.message).toMatch(/^This looks like a phone number\. To protect everyone from contact pressure/);
    expect(findContactDetails('add me on snap')?.message).toMatch(/^This looks like a social media or messaging account\. To protect everyone from contact pressure/);
  });

  it('passes a message without contact details, and refuses one with them naming the kind', () => {
    expect(() => assertNoContactDetails('see you on Tuesday')).not.toThrow();
    expect(() => assertNoContactDetails('@jo_smith')).toThrow(AppError);
    try {
      assertNoContactDetails('@jo_smith');
    } catch (error) {
      expect((error as AppError).details).toEqual([{ path: 'body.text', message: 'social_handle' }]);
    }
  });
});
