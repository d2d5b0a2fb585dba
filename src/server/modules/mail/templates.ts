import { DateTime } from 'luxon';
import { escapeHtml } from '../../lib/html.js';

/**
 * Every e-mail Hearth writes to a person about their own account, offer or sessions, in one
 * place: a subject, a plain-text part and a simple HTML part, in the service's locale and time
 * zone. Quiet by design, for shared inboxes and lock screens: no subject names the service, a
 * group, a programme or a diagnosis, and no message carries clinical detail — only what to open.
 */

/** The service a message comes from: its name (in the body only), locale and time zone. */
export interface MailService {
  serviceName: string;
  locale: string;
  timeZone: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type TemplateInput =
  | { kind: 'invitation'; name: string; url: string; expiresAt: string }
  | { kind: 'password_reset'; name: string; url: string; expiresAt: string }
  | { kind: 'offer'; name: string; acceptUrl: string; declineUrl: string; expiresAt: string }
  | { kind: 'session_reminder'; name: string; startsAt: string; lead: '24h' | '2h'; url: string | null; settingsUrl: string | null }
  | { kind: 'measure_reminder'; name: string; url: string | null; settingsUrl: string | null };

export type TemplateKind = TemplateInput['kind'];

/** A message as paragraphs; a paragraph may hold one link (a button in HTML). */
interface Draft {
  subject: string;
  greeting: string;
  paragraphs: (string | { label: string; url: string })[];
  footer: string;
}

/** Renders one message: the subject, the plain-text part and the HTML part. */
export function renderMail(input: TemplateInput, service: MailService): RenderedMail {
  const draft = drafts[input.kind](input as never, service);
  return { subject: draft.subject, text: toText(draft), html: toHtml(draft, service) };
}

const when = (iso: string, service: MailService, format: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(service.timeZone).setLocale(service.locale).toFormat(format);
/** "Tuesday 8 December at 18:00" in the service's locale and zone. */
const dayAndTime = (iso: string, service: MailService) => `${when(iso, service, 'cccc d LLLL')} at ${when(iso, service, 'HH:mm')}`;
/** A link, or — where the service has no public address configured — where to find it after signing in. */
const linkOr = (label: string, url: string | null, service: MailService, page: string) => (url ? { label, url } : `Sign in to ${service.serviceName} and open ${page}.`);
const settingsLine = (url: string | null, service: MailService) =>
  url ? `Change this in your settings: ${url}` : `Change this under Your account → Notification settings in ${service.serviceName}.`;
const PRIVACY = 'This e-mail holds no personal or clinical details. If you did not expect it, you can ignore it.';

type Drafts = { [K in TemplateKind]: (input: Extract<TemplateInput, { kind: K }>, service: MailService) => Draft };

const drafts: Drafts = {
  invitation: (m, s) => ({
    subject: 'Your invitation: choose a password',
    greeting: `Hello ${m.name},`,
    paragraphs: [
      `${s.serviceName} has created an account for you. Open the link below to choose your password and sign in.`,
      { label: 'Choose your password', url: m.url },
      `The link works once and until ${dayAndTime(m.expiresAt, s)}. If it has expired, ask the service for a new one.`,
    ],
    footer: PRIVACY,
  }),
  password_reset: (m, s) => ({
    subject: 'Reset your password',
    greeting: `Hello ${m.name},`,
    paragraphs: [
      'Someone asked to reset the password of your account. If it was you, open the link below and choose a new password.',
      { label: 'Choose a new password', url: m.url },
      `The link works once and until ${dayAndTime(m.expiresAt, s)}. If you did not ask, ignore this e-mail: your password stays as it is.`,
    ],
    footer: PRIVACY,
  }),
  offer: (m, s) => ({
    subject: 'A place has been offered to you',
    greeting: `Hello ${m.name},`,
    paragraphs: [
      `${s.serviceName} can offer you a place in the group you were referred to. Please let us know whether you would like it.`,
      { label: 'Accept the place', url: m.acceptUrl },
      { label: 'Decline the place', url: m.declineUrl },
      `Each link asks you to confirm before anything changes. The offer is open until ${dayAndTime(m.expiresAt, s)}.`,
    ],
    footer: PRIVACY,
  }),
  session_reminder: (m, s) => ({
    subject: m.lead === '24h' ? 'Reminder: your session tomorrow' : 'Reminder: your session starts soon',
    greeting: `Hello ${m.name},`,
    paragraphs: [`Your next group session is on ${dayAndTime(m.startsAt, s)}.`, linkOr('See the details', m.url, s, 'Upcoming sessions')],
    footer: `You get this reminder because you turned session reminders on. ${settingsLine(m.settingsUrl, s)}`,
  }),
  measure_reminder: (m, s) => ({
    subject: 'A short questionnaire is waiting for you',
    greeting: `Hello ${m.name},`,
    paragraphs: [
      'When you have a few minutes, a short questionnaire is ready for you. Your answers help you and your clinicians see how things are going.',
      linkOr('Open Hearth', m.url, s, 'your home page'),
      'We remind you at most once a week, and stop once it is answered.',
    ],
    footer: `You get this reminder because questionnaire reminders are on. ${settingsLine(m.settingsUrl, s)}`,
  }),
};

function toText(draft: Draft): string {
  const body = draft.paragraphs.map((p) => (typeof p === 'string' ? p : `${p.label}: ${p.url}`));
  return [draft.greeting, '', ...body.flatMap((p) => [p, '']), '—', draft.footer].join('\n');
}

function toHtml(draft: Draft, service: MailService): string {
  const body = draft.paragraphs
    .map((p) =>
      typeof p === 'string'
        ? `<p>${escapeHtml(p)}</p>`
        : `<p><a href="${escapeHtml(p.url)}" style="display:inline-block;padding:10px 16px;background:#1c5d4f;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(p.label)}</a></p>`,
    )
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(service.locale)}"><head><meta charset="utf-8"><title>${escapeHtml(draft.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:560px;margin:0 auto;padding:16px">',
    `<p>${escapeHtml(draft.greeting)}</p>`,
    body,
    `<p style="font-size:13px;color:#555555;border-top:1px solid #dddddd;padding-top:12px">${escapeHtml(draft.footer)}</p>`,
    '</body></html>',
  ].join('\n');
}
