import { DateTime } from 'luxon';
import type { Db } from '../../db/database.js';
import { enrolmentAt } from '../../policy/membership.js';
import { queueTemplatedMail } from '../mail/queue-mail.js';
import { claimReminder, type ReminderSettings } from './claim.js';
import { queueReminderText } from './text-queue.js';

const HOUR_MS = 3_600_000;

/**
 * Which reminder a session starting in `leadMs` is due: the 2-hour one within 2 hours, the
 * 24-hour one between 24 and 6 hours ahead (closer than that, only the 2-hour one follows, so a
 * session arranged at short notice is not announced twice within minutes), else none.
 */
export function sessionReminderSlot(leadMs: number): '24h' | '2h' | null {
  if (leadMs <= 0) return null;
  if (leadMs <= 2 * HOUR_MS) return '2h';
  if (leadMs > 6 * HOUR_MS && leadMs <= 24 * HOUR_MS) return '24h';
  return null;
}

/** The text message: the service, the time in the service's zone and locale; nothing about the group. */
export function sessionReminderText(startsAt: string, slot: '24h' | '2h', settings: ReminderSettings): string {
  const time = DateTime.fromISO(startsAt, { zone: 'utc' })
    .setZone(settings.timeZone)
    .setLocale(settings.locale)
    .toFormat(slot === '24h' ? 'cccc d LLLL, HH:mm' : 'HH:mm');
  return `${settings.serviceName}: a reminder that your next group session is ${slot === '24h' ? 'on' : 'today at'} ${time}.`;
}

/**
 * E-mails (or queues texts for, where they chose text messages and the service has a gateway) the members of each scheduled session starting within 24 hours: once about 24 hours
 * before and once 2 hours before (a run that comes late sends only the reminder still ahead,
 * never a stale one). Each reminder is claimed in `reminder_sends` in the transaction that queues its
 * e-mail, keyed by the session's start, so repeated runs, restarts and concurrent instances send
 * it once — and a rescheduled session is reminded again at its new time. Only active members of
 * active accounts who have turned session reminders on (they are opt-in); facilitators get the digest instead.
 * Returns how many reminders were queued. Texts go out with `deliverQueuedTexts` (text-queue.ts).
 */
export async function sendSessionReminders(db: Db, settings: ReminderSettings, now: Date): Promise<number> {
  const rows = await db
    .selectFrom('group_sessions as s')
    .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
    .innerJoin('enrolments', 'enrolments.group_id', 's.group_id')
    .innerJoin('users as u', 'u.id', 'enrolments.participant_id')
    // Session reminders are opt-in: only people who turned them on (preferences.ts).
    .innerJoin('notification_preferences as np', (join) => join.onRef('np.user_id', '=', 'u.id').on('np.kind', '=', 'session_reminder'))
    .where((eb) => eb.or([eb('np.email', '=', 1), eb('np.sms', '=', 1)]))
    .select(['s.id as session_id', 's.starts_at', 'u.id as user_id', 'u.email', 'u.display_name', 'u.mobile_e164', 'np.email as by_email', 'np.sms as by_sms'])
    .where('s.status', '=', 'scheduled')
    .where('g.status', 'in', ['forming', 'active'])
    .where('s.starts_at', '>', now.toISOString())
    .where('s.starts_at', '<=', new Date(now.getTime() + 24 * HOUR_MS).toISOString())
    // Active members only: paused members are on an agreed break, invited ones have not joined yet.
    .where(enrolmentAt('contribute'))
    .where('u.status', '=', 'active')
    .orderBy('s.starts_at')
    .limit(2000)
    .execute();
  let sent = 0;
  for (const row of rows) {
    const slot = sessionReminderSlot(Date.parse(row.starts_at) - now.getTime());
    if (!slot) continue;
    const textTo = row.by_sms === 1 && settings.textsConfigured && row.mobile_e164 ? row.mobile_e164 : null;
    const queued = await db.transaction().execute(async (trx) => {
      const claim = await claimReminder(trx, { userId: row.user_id, kind: 'session_reminder', subjectRef: row.session_id, slot: `${slot}@${row.starts_at}` }, now);
      if (!claim) return false;
      if (row.by_email === 1) {
        await queueTemplatedMail(
          trx,
          { userId: row.user_id, address: row.email },
          {
            kind: 'session_reminder',
            name: row.display_name,
            startsAt: row.starts_at,
            lead: slot,
            url: settings.publicUrl ? `${settings.publicUrl}/upcoming` : null,
            settingsUrl: settings.publicUrl ? `${settings.publicUrl}/account/notifications` : null,
          },
          { smtpConfigured: settings.smtpConfigured, now, service: settings },
        );
      }
      // The text is queued with the claim and sent by deliverQueuedTexts (retried with backoff),
      // so a gateway failure or a restart neither loses it nor sends it twice.
      if (textTo)
        await queueReminderText(
          trx,
          { reminderSendId: claim, userId: row.user_id, toE164: textTo, body: sessionReminderText(row.starts_at, slot, settings), expiresAt: row.starts_at },
          now,
        );
      return row.by_email === 1 || textTo !== null;
    });
    if (queued) sent += 1;
  }
  return sent;
}
