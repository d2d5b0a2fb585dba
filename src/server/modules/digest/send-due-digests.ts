import { facilitatorsWithNames } from '../../policy/membership.js';
import { DateTime } from 'luxon';
import type { Db, DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { queueMail } from '../mail/queue-mail.js';
import { buildDigest, digestCounts, type DigestContent } from './build-digest.js';
import { notify } from '../notifications/notify.js';
import { wantsEmail } from '../reminders/preferences.js';

export interface DigestSettings {
  /** How long before a session its digest is built and sent. */
  leadMs: number;
  smtpConfigured: boolean;
  /** Where the e-mail's link points (HEARTH_PUBLIC_URL); without it the e-mail names the page. */
  publicUrl: string | undefined;
  serviceName: string;
}

/**
 * Builds and sends the digest of every session starting within the lead time that has none yet:
 * stored once per session (the unique session id makes a second instance's attempt a no-op),
 * an in-app notice to each of the group's facilitators and an e-mail to those who have not turned it off. Returns how many were sent.
 */
export async function sendDueDigests(db: Db, settings: DigestSettings, now: Date): Promise<number> {
  const due = await db
    .selectFrom('group_sessions as s')
    .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
    .leftJoin('session_digests as d', 'd.session_id', 's.id')
    .select(['s.id'])
    .where('s.status', '=', 'scheduled')
    .where('g.status', 'in', ['forming', 'active'])
    .where('s.starts_at', '>', now.toISOString())
    .where('s.starts_at', '<=', new Date(now.getTime() + settings.leadMs).toISOString())
    .where('d.id', 'is', null)
    .orderBy('s.starts_at')
    .limit(100)
    .execute();
  let sent = 0;
  for (const { id } of due) {
    const delivered = await db.transaction().execute((trx) => storeAndSend(trx, id, settings, now));
    if (delivered) sent += 1;
  }
  return sent;
}

async function storeAndSend(trx: DbOrTx, sessionId: string, settings: DigestSettings, now: Date): Promise<boolean> {
  const content = await buildDigest(trx, sessionId);
  const inserted = await trx
    .insertInto('session_digests')
    .values({ id: newId(), session_id: sessionId, group_id: content.group.id, content: JSON.stringify(content), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('session_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
  const facilitators = await facilitatorsWithNames(trx, content.group.id);
  const { title, body } = digestSummary(content);
  const active = facilitators.filter((f) => f.status === 'active');
  await notify(
    trx,
    active.map((person) => ({ userId: person.id, kind: 'session_digest', title, body, groupId: content.group.id, sessionId })),
    now,
  );
  for (const person of active) {
    // The e-mail is the person's choice (settings page); the in-app notice above always comes.
    if (!(await wantsEmail(trx, person.id, 'session_digest'))) continue;
    await queueMail(
      trx,
      {
        kind: 'session_digest',
        toUserId: person.id,
        toAddress: person.email,
        subject: `${settings.serviceName}: ${title}`,
        bodyText: mailBody(person.display_name, content, body, settings),
      },
      { smtpConfigured: settings.smtpConfigured, now },
    );
  }
  return true;
}

/** The notice's words: the group, the session's time and how much there is to read — no clinical text. */
export function digestSummary(content: DigestContent): { title: string; body: string } {
  const c = digestCounts(content);
  const when = DateTime.fromISO(content.session.startsAt, { zone: 'utc' }).toFormat("ccc d LLL, HH:mm 'UTC'");
  const parts = [
    `${c.held} held ${c.held === 1 ? 'post' : 'posts'}`,
    `${c.tagged} brought to group`,
    `${c.celebrations} ${c.celebrations === 1 ? 'celebration' : 'celebrations'}`,
    `${c.alerts} open ${c.alerts === 1 ? 'alert' : 'alerts'}`,
    `${c.attendanceRisks} at attendance risk`,
  ];
  return { title: `Digest before ${content.group.name}, ${when}`, body: parts.join(' · ') };
}

function mailBody(name: string, content: DigestContent, counts: string, settings: DigestSettings): string {
  const path = `/sessions/${content.session.id}/digest`;
  const link = settings.publicUrl ? `${settings.publicUrl}${path}` : `the session's digest in ${settings.serviceName}`;
  return [
    `Hello ${name},`,
    '',
    `Your between-session digest for ${content.group.name} is ready: ${counts}.`,
    '',
    `Read it in ${settings.serviceName} (sign in first): ${link}`,
    '',
    'For confidentiality this e-mail carries no details about group members.',
  ].join('\n');
}
