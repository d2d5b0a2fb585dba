import type { Appreciation } from '../../../shared/schemas/feedback.js';
import type { DbOrTx } from '../../db/database.js';
import type { ModerationStatus } from '../../db/schema.js';
import { enrolmentAt } from '../../policy/membership.js';
import { sessionLabels } from './sessions.js';

const LIMIT = 200;
export const APPRECIATIONS_MARKER = 'appreciations';

function base(db: DbOrTx) {
  return db
    .selectFrom('appreciations as a')
    .innerJoin('enrolments as se', 'se.id', 'a.sender_enrolment_id')
    .innerJoin('therapy_groups as g', 'g.id', 'a.group_id')
    .select(['a.id', 'a.group_id', 'g.name as group_name', 'se.pseudonym as from_pseudonym', 'a.session_id', 'a.body', 'a.moderation_status', 'a.created_at', 'a.sender_id']);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

async function present(db: DbOrTx, rows: Row[], viewerId: string, seenAt: string | null): Promise<Appreciation[]> {
  if (rows.length === 0) return [];
  const [recipients, labels] = await Promise.all([
    db
      .selectFrom('appreciation_recipients as r')
      .innerJoin('enrolments as e', 'e.id', 'r.recipient_enrolment_id')
      .select(['r.appreciation_id', 'e.pseudonym', 'r.recipient_id'])
      .where(
        'r.appreciation_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('e.pseudonym')
      .execute(),
    sessionLabels(
      db,
      rows.flatMap((r) => (r.session_id ? [r.session_id] : [])),
    ),
  ]);
  return rows.map((r) => {
    const to = recipients.filter((x) => x.appreciation_id === r.id);
    const sentByMe = r.sender_id === viewerId;
    return {
      id: r.id,
      groupId: r.group_id,
      groupName: r.group_name,
      fromPseudonym: r.from_pseudonym,
      toPseudonyms: to.map((x) => x.pseudonym),
      sessionLabel: r.session_id ? (labels.get(r.session_id) ?? null) : null,
      body: r.body,
      status: r.moderation_status as ModerationStatus,
      createdAt: r.created_at,
      sentByMe,
      isNew: !sentByMe && to.some((x) => x.recipient_id === viewerId) && (seenAt === null || r.created_at > seenAt),
    };
  });
}

/** When the person last opened their appreciations. */
export async function seenAt(db: DbOrTx, userId: string): Promise<string | null> {
  const row = await db.selectFrom('seen_markers').select('seen_at').where('user_id', '=', userId).where('marker', '=', APPRECIATIONS_MARKER).executeTakeFirst();
  return row?.seen_at ?? null;
}

/** The groups whose items a participant still reaches (a withdrawn member loses them at once). */
function reachableGroups(db: DbOrTx, userId: string) {
  return db.selectFrom('enrolments').select('group_id').where('participant_id', '=', userId).where(enrolmentAt('reach', 'status'));
}

/** "My appreciations": published ones received, and everything one sent (with its moderation status). */
export async function myAppreciations(db: DbOrTx, userId: string) {
  const seen = await seenAt(db, userId);
  const [received, sent] = await Promise.all([
    base(db)
      .where('a.id', 'in', db.selectFrom('appreciation_recipients').select('appreciation_id').where('recipient_id', '=', userId))
      .where('a.moderation_status', '=', 'published')
      .where('a.group_id', 'in', reachableGroups(db, userId))
      .orderBy('a.created_at', 'desc')
      .limit(LIMIT)
      .execute(),
    base(db)
      .where('a.sender_id', '=', userId)
      .where('a.moderation_status', '!=', 'removed')
      .where('a.group_id', 'in', reachableGroups(db, userId))
      .orderBy('a.created_at', 'desc')
      .limit(LIMIT)
      .execute(),
  ]);
  return { received: await present(db, received, userId, seen), sent: await present(db, sent, userId, seen), seenAt: seen };
}

/**
 * A group's appreciations: facilitators see all of them (they are group feedback, not private
 * items); a member sees the ones they sent or received.
 */
export async function groupAppreciations(db: DbOrTx, viewer: { userId: string; staff: boolean }, groupId: string): Promise<Appreciation[]> {
  let query = base(db).where('a.group_id', '=', groupId);
  if (viewer.staff) query = query.where('a.moderation_status', 'in', ['published', 'held']);
  else {
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('a.sender_id', '=', viewer.userId), eb('a.moderation_status', '!=', 'removed')]),
        eb.and([
          eb('a.moderation_status', '=', 'published'),
          eb('a.id', 'in', db.selectFrom('appreciation_recipients').select('appreciation_id').where('recipient_id', '=', viewer.userId)),
        ]),
      ]),
    );
  }
  const rows = await query.orderBy('a.created_at', 'desc').limit(LIMIT).execute();
  return present(db, rows, viewer.userId, viewer.staff ? null : await seenAt(db, viewer.userId));
}

/** Records that the person has now seen their appreciations. */
export async function markAppreciationsSeen(db: DbOrTx, userId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('seen_markers')
    .values({ user_id: userId, marker: APPRECIATIONS_MARKER, seen_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'marker']).doUpdateSet({ seen_at: at }))
    .execute();
}
