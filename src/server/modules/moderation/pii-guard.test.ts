import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { assertNoContactDetails, findContactDetails } from './pii-guard.js';

const kind = (text: string, mentions: string[] = []) => findContactDetails(text, mentions)?.kind ?? null;

describe('PII guard', () => {
  it('finds e-mail addresses, also spelled out', () => {
    expect(kind('email me at jo.smith@gmail.com')).toBe('email');
    expect(kind('JO.SMITH@EXAMPLE.CO.UK')).toBe('email');
    expect(kind('jo smith at gmail dot com')).toBe('email');
    expect(kind('jo_smith (at) hotmail (dot) co.uk')).toBe('email');
  });

  it('finds phone numbers in UK, US and international formats', () => {
    for (const text of [
      'text me 07700 900123',
      'ring 020 7946 0958',
      'call +44 7700 900 123',
      'my number is (555) 123-4567',
      '555.123.4567',
      '+1-202-555-0143',
      '0044 7700 900123',
      '07700-900-123',
    ]) {
      expect(kind(text), text).toBe('phone');
    }
  });

  it('leaves dates, times, scores, years and helplines alone', () => {
    for (const text of [
      'see you on 12/11/2026 at 10:30',
      'my mood was 7/10',
      'between 1998 2004 and 2010 I moved a lot',
      'the date is 2026-11-26',
      'Samaritans are on 116 123',
      'in the US you can call 988',
      'PHQ-9 went from 18 to 12',
      'I walked 10,000 steps',
    ]) {
      expect(kind(text), text).toBeNull();
    }
  });

  it('finds social handles, profile links and invitations to contact elsewhere', () => {
    for (const text of [
      'follow me @jo_smith',
      'insta: jo.smith',
      'my snap is josmith99',
      'add me on snapchat',
      'snap me later',
      'whatsapp me',
      'https://instagram.com/jo',
      'www.facebook.com/jo.smith',
      't.me/jo',
      'drop your insta',
      "what's your number?",
      'discord: jo#1234',
    ]) {
      expect(kind(text), text).toBe('social_handle');
    }
  });

  it('allows ordinary links and @mentions of the group’s own pseudonyms', () => {
    expect(kind('this NHS page helped https://www.nhs.uk/mental-health/')).toBeNull();
    expect(kind('@river thanks for that', ['river'])).toBeNull();
    expect(kind('@Blue Heron that helped', ['blue heron'])).toBeNull();
    expect(kind('snapped at my sister, felt bad')).toBeNull();
    expect(kind('I use instagram to look at dogs')).toBeNull();
  });

  it('refuses with 422 contact_details_refused and says what and why', () => {
    try {
      assertNoContactDetails('call me on 07700 900123');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('contact_details_refused');
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).message).toMatch(/phone number.*contact pressure/);
      expect((error as AppError).details).toEqual([{ path: 'body.text', message: 'phone' }]);
    }
  });
});
