import { describe, expect, it } from 'vitest';
import { renderMail, type MailService, type TemplateInput } from './templates.js';

const london: MailService = { serviceName: 'Riverside <Talking> Therapies', locale: 'en-GB', timeZone: 'Europe/London' };

describe('mail templates', () => {
  it('writes session times in the service’s zone on both sides of a clock change', () => {
    // British Summer Time ends at 01:00 UTC on Sunday 25 October 2026: 18:00 is 17:00 UTC before, 18:00 UTC after.
    const before = renderMail(
      { kind: 'session_reminder', name: 'Sam', startsAt: '2026-10-24T17:00:00.000Z', lead: '24h', url: 'https://h.example/upcoming', settingsUrl: 'https://h.example/account' },
      london,
    );
    const after = renderMail(
      { kind: 'session_reminder', name: 'Sam', startsAt: '2026-10-25T18:00:00.000Z', lead: '2h', url: 'https://h.example/upcoming', settingsUrl: 'https://h.example/account' },
      london,
    );
    expect(before.text).toContain('Saturday 24 October at 18:00');
    expect(after.text).toContain('Sunday 25 October at 18:00');
    expect(before.subject).toBe('Reminder: your session tomorrow');
    expect(after.subject).toBe('Reminder: your session starts soon');
  });

  it('follows the service’s locale', () => {
    const french = renderMail(
      { kind: 'password_reset', name: 'Anne', url: 'https://h.example/invite#token=x', expiresAt: '2026-12-08T17:00:00.000Z' },
      { ...london, locale: 'fr-FR', timeZone: 'Europe/Paris' },
    );
    expect(french.text).toContain('mardi 8 décembre at 18:00');
  });

  it('escapes names and the service name in the HTML part and keeps the subject free of the service name', () => {
    const inputs: TemplateInput[] = [
      { kind: 'invitation', name: '<b>Bo</b>', url: 'https://h.example/invite#token=a"b', expiresAt: '2026-12-08T17:00:00.000Z' },
      {
        kind: 'offer',
        name: 'Bo & Co',
        acceptUrl: 'https://h.example/offer#token=a&answer=accept',
        declineUrl: 'https://h.example/offer#token=a&answer=decline',
        expiresAt: '2026-12-08T17:00:00.000Z',
      },
      { kind: 'measure_reminder', name: 'Bo', url: null, settingsUrl: null },
    ];
    for (const input of inputs) {
      const mail = renderMail(input, london);
      expect(mail.subject).not.toContain('Riverside');
      expect(mail.html).not.toMatch(/<b>|<Talking>|token=a"b/);
      expect(mail.html).toContain('<!doctype html>');
      expect(mail.html).toContain('lang="en-GB"');
      expect(mail.text.length).toBeGreaterThan(100);
    }
    expect(renderMail(inputs[1]!, london).html).toContain('href="https://h.example/offer#token=a&amp;answer=decline"');
    // Without a public address the message says where to look instead of giving a link.
    expect(renderMail(inputs[2]!, london).text).toContain('Sign in to Riverside <Talking> Therapies and open your home page.');
  });
});
