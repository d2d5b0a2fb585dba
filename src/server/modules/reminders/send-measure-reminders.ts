import type { Db } from '../../db/database.js';
import { enrolmentAt } from '../../policy/membership.js';
import { queueTemplatedMail } from '../mail/queue-mail.js';
import { ensureDueRequests } from '../measures/due.js';
import { claimReminder, type ReminderSettings } from './claim.js';
import { wantsEmail } from './preferences.js';

const DAY_MS = 86_400_000;
/** A questionnaire is shown on the home page first; e-mail follows once it has waited this long. */
export const MEASURE_GRACE_MS = DAY_MS;
/** At most one questionnaire reminder per person in this period. */
export const MEASURE_INTERVAL_MS = 7 * DAY_MS;

/**
 * Gently reminds members of questionnaires waiting for them: one e-mail (whatever the number of
 * questionnaires) once one has waited a day, then at most weekly while any is still due — it
 * stops when they are answered. The e-mail names no questionnaire. Claimed per person and week in
 * `reminder_sends`, in the transaction that queues it, so instances never send it twice.
 * Returns how many reminders were queued.
 */
export async function sendMeasureReminders(db: Db, settings: ReminderSettings, now: Date): Promise<number> {
  const people = await db
    .selectFrom('users as u')
    .innerJoin('enrolments', 'enrolments.participant_id', 'u.id')
    .select(['u.id', 'u.email', 'u.display_name'])
    .distinct()
    .where('u.role', '=', 'participant')
    .where('u.status', '=', 'active')
    .where(enrolmentAt('measured'))
    .execute();
  const waitedSince = new Date(now.getTime() - MEASURE_GRACE_MS).toISOString();
  const lastAllowed = new Date(now.getTime() - MEASURE_INTERVAL_MS).toISOString();
  const week = String(Math.floor(now.getTime() / MEASURE_INTERVAL_MS));
  let sent = 0;
  for (const person of people) {
    if (!(await wantsEmail(db, person.id, 'measure_reminder'))) continue;
    await ensureDueRequests(db, person.id, now);
    const waiting = await db
      .selectFrom('measure_requests')
      .select('id')
      .where('participant_id', '=', person.id)
      .where('status', '=', 'due')
      .where('due_at', '<=', waitedSince)
      .executeTakeFirst();
    if (!waiting) continue;
    const queued = await db.transaction().execute(async (trx) => {
      const recent = await trx
        .selectFrom('reminder_sends')
        .select('id')
        .where('user_id', '=', person.id)
        .where('kind', '=', 'measure_reminder')
        .where('created_at', '>', lastAllowed)
        .executeTakeFirst();
      if (recent) return false;
      if (!(await claimReminder(trx, { userId: person.id, kind: 'measure_reminder', subjectRef: 'questionnaires', slot: week }, now))) return false;
      await queueTemplatedMail(
        trx,
        { userId: person.id, address: person.email },
        {
          kind: 'measure_reminder',
          name: person.display_name,
          url: settings.publicUrl ? `${settings.publicUrl}/` : null,
          settingsUrl: settings.publicUrl ? `${settings.publicUrl}/account/notifications` : null,
        },
        { smtpConfigured: settings.smtpConfigured, now, service: settings },
      );
      return true;
    });
    if (queued) sent += 1;
  }
  return sent;
}
