import type { Role, UserStatus } from '../api/types';

/**
 * Dates and times as the service writes them: its locale (HEARTH_LOCALE, e.g. en-GB) and time
 * zone (HEARTH_TIMEZONE), not the reader's browser — a UK service reads "3 Dec 2026, 18:30"
 * on every device. Set from the signed-in session (`serviceFormat`); before sign-in, en-GB in the
 * browser's zone. Group sessions use their group's own zone (time.ts).
 */
let service: { locale: string; timeZone: string | undefined } = { locale: 'en-GB', timeZone: undefined };
let formatters: { dateTime: Intl.DateTimeFormat; dateOnly: Intl.DateTimeFormat } | null = null;

/** Called with the session's service settings; later formatting follows them. */
export function serviceFormat(settings: { locale: string; timeZone: string }): void {
  if (settings.locale === service.locale && settings.timeZone === service.timeZone) return;
  service = { locale: settings.locale, timeZone: settings.timeZone };
  formatters = null;
}

/** The service's locale (for other Intl formatting). */
export function serviceLocale(): string {
  return service.locale;
}

function format(): { dateTime: Intl.DateTimeFormat; dateOnly: Intl.DateTimeFormat } {
  if (!formatters) {
    const zone = service.timeZone ? { timeZone: service.timeZone } : {};
    formatters = {
      dateTime: new Intl.DateTimeFormat(service.locale, { dateStyle: 'medium', timeStyle: 'short', ...zone }),
      dateOnly: new Intl.DateTimeFormat(service.locale, { dateStyle: 'medium', ...zone }),
    };
  }
  return formatters;
}

/** "26 Nov 2026, 12:30" in the service's locale and time zone; an em dash when there is no value. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format().dateTime.format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  // A calendar date ("2026-12-03") is that day wherever one is: never shifted by a time zone.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const day = new Date(`${iso}T12:00:00Z`);
    return Number.isNaN(day.getTime()) ? iso : new Intl.DateTimeFormat(service.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format().dateOnly.format(date);
}

export const roleLabel: Record<Role, string> = {
  admin: 'Administrator',
  clinician: 'Clinician',
  participant: 'Participant',
};

export const statusLabel: Record<UserStatus, string> = {
  invited: 'Invited',
  active: 'Active',
  deactivated: 'Deactivated',
};

export const statusColor: Record<UserStatus, string> = {
  invited: 'yellow',
  active: 'green',
  deactivated: 'gray',
};

/** "Chrome on Linux" from a user-agent string: enough to recognise one's own devices. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/OPR\/|Opera/, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/Chrom(e|ium)\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? 'A browser';
  const system =
    [
      [/Android/, 'Android'],
      [/iPhone|iPad|iPod/, 'iOS'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? null;
  return system ? `${browser} on ${system}` : (browser as string);
}

/** Splits a TOTP secret into groups of four for reading aloud or typing. */
export function groupInFours(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
