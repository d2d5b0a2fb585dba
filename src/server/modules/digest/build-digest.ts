import type { DbOrTx } from '../../db/database.js';
import { absenceRule } from '../attendance/absence-alerts.js';
import { memberAttendance } from '../attendance/summary.js';
import { kindLabel } from '../moderation/kinds.js';
import { listItems } from '../moderation/registry.js';
import { staffLabel } from '../space/access.js';
import { enrolmentAt, facilitatorsWithNames } from '../../policy/membership.js';

/** Items per section: a digest is read in a few minutes before a session, not an archive. */
const SECTION_LIMIT = 50;
const EXCERPT = 280;

/** What facilitators read before a session: what happened in the group since the one before. */
export interface DigestContent {
  session: { id: string; startsAt: string; topic: string | null };
  group: { id: string; name: string };
  /** Start of the period covered: the previous session's start, or the group's creation. */
  since: string;
  heldItems: { kind: string; id: string; label: string; author: string; excerpt: string; createdAt: string }[];
  taggedPosts: { postId: string; threadId: string | null; author: string; excerpt: string; taggedBy: string; note: string | null; createdAt: string }[];
  celebrations: { id: string; member: string; text: string; createdAt: string }[];
  alerts: { id: string; tier: 'concern' | 'urgent'; kind: string; summary: string; status: string; member: string | null; createdAt: string }[];
  attendanceRisks: { enrolmentId: string; member: string; missedInRow: number; attendanceRate: number | null }[];
}

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

/** Builds a session's digest from the group's current state (reads only). */
export async function buildDigest(db: DbOrTx, sessionId: string): Promise<DigestContent> {
  const session = await db
    .selectFrom('group_sessions as s')
    .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
    .select(['s.id', 's.starts_at', 's.topic', 's.group_id', 'g.name', 'g.created_at as group_created_at'])
    .where('s.id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const groupId = session.group_id;
  const previous = await db
    .selectFrom('group_sessions')
    .select('starts_at')
    .where('group_id', '=', groupId)
    .where('status', '!=', 'cancelled')
    .where('starts_at', '<', session.starts_at)
    .orderBy('starts_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const since = previous?.starts_at ?? session.group_created_at;
  const names = await nameBook(db, groupId);

  const held = await listItems(db, { groupIds: [groupId], statuses: ['held'], limit: SECTION_LIMIT });
  const tagged = await db
    .selectFrom('space_tags as t')
    .innerJoin('space_posts as p', 'p.id', 't.post_id')
    .select(['p.id as post_id', 'p.thread_id', 'p.author_id', 'p.body', 't.tagged_by', 't.note', 't.created_at'])
    .where('t.group_id', '=', groupId)
    .where((eb) => eb.or([eb('t.session_id', '=', sessionId), eb.and([eb('t.session_id', 'is', null), eb('t.created_at', '>=', since)])]))
    .where('p.moderation_status', 'in', ['published', 'held'])
    .where('p.removed_at', 'is', null)
    .orderBy('t.created_at')
    .limit(SECTION_LIMIT)
    .execute();
  const celebrations = await db
    .selectFrom('celebrations as c')
    .leftJoin('goal_milestones as m', 'm.id', 'c.milestone_id')
    .select(['c.id', 'c.participant_id', 'c.detail', 'c.title', 'c.note', 'c.created_at', 'm.title as milestone_title'])
    .where('c.group_id', '=', groupId)
    .where('c.moderation_status', '=', 'published')
    .where('c.withdrawn_at', 'is', null)
    .where('c.created_at', '>=', since)
    .orderBy('c.created_at')
    .limit(SECTION_LIMIT)
    .execute();
  const alerts = await db
    .selectFrom('alerts')
    .select(['id', 'tier', 'kind', 'summary', 'status', 'participant_id', 'created_at'])
    .where('group_id', '=', groupId)
    .where((eb) => eb.or([eb('status', '!=', 'resolved'), eb('created_at', '>=', since)]))
    .orderBy('created_at', 'desc')
    .limit(SECTION_LIMIT)
    .execute();
  const attendance = await memberAttendance(db, groupId);
  // Members at attendance risk: the same threshold as the "reach out" alert.
  const { after: missedInRowRisk } = await absenceRule(db);
  const current = await db.selectFrom('enrolments').select(['id', 'pseudonym', 'status']).where('group_id', '=', groupId).where(enrolmentAt('attend', 'status')).execute();

  return {
    session: { id: session.id, startsAt: session.starts_at, topic: session.topic },
    group: { id: groupId, name: session.name },
    since,
    heldItems: held.map((item) => ({
      kind: item.kind,
      id: item.id,
      label: kindLabel(item.kind),
      author: names.get(item.authorId) ?? 'A former member',
      excerpt: excerpt(item.text),
      createdAt: item.createdAt,
    })),
    taggedPosts: tagged.map((t) => ({
      postId: t.post_id,
      threadId: t.thread_id,
      author: names.get(t.author_id) ?? 'A former member',
      excerpt: excerpt(t.body),
      taggedBy: names.get(t.tagged_by) ?? 'A former member',
      note: t.note,
      createdAt: t.created_at,
    })),
    celebrations: celebrations.map((c) => ({
      id: c.id,
      member: names.get(c.participant_id) ?? 'A former member',
      // The member chose how much to share; the digest shows no more than the group saw.
      text: c.detail === 'reached' ? 'reached a milestone' : [c.title ?? c.milestone_title ?? 'a milestone', c.detail === 'title_note' ? c.note : null].filter(Boolean).join(' — '),
      createdAt: c.created_at,
    })),
    alerts: alerts.map((a) => ({
      id: a.id,
      tier: a.tier,
      kind: a.kind,
      summary: a.summary,
      status: a.status,
      member: names.get(a.participant_id) ?? null,
      createdAt: a.created_at,
    })),
    attendanceRisks: current
      .map((e) => ({ e, a: attendance.get(e.id) }))
      // A paused member is not expected at sessions: like the group page and the reach-out alert, only active members.
      .filter(({ e, a }) => e.status === 'active' && (a?.missedInRow ?? 0) >= missedInRowRisk)
      .map(({ e, a }) => ({
        enrolmentId: e.id,
        member: e.pseudonym,
        missedInRow: a?.missedInRow ?? 0,
        attendanceRate: a?.rate === null || a?.rate === undefined ? null : Math.round(a.rate * 100) / 100,
      })),
  };
}

/** users.id → how the group knows them: members by pseudonym, staff as "Facilitator <first name>". */
async function nameBook(db: DbOrTx, groupId: string): Promise<Map<string, string>> {
  const members = await db.selectFrom('enrolments').select(['participant_id', 'pseudonym']).where('group_id', '=', groupId).execute();
  const staff = await facilitatorsWithNames(db, groupId);
  const book = new Map<string, string>();
  for (const m of members) book.set(m.participant_id, m.pseudonym);
  for (const s of staff) book.set(s.id, staffLabel(s.display_name));
  return book;
}

/** Counts per section, for the notification and the e-mail (which carry no clinical text). */
export function digestCounts(d: DigestContent) {
  return {
    held: d.heldItems.length,
    tagged: d.taggedPosts.length,
    celebrations: d.celebrations.length,
    alerts: d.alerts.filter((a) => a.status !== 'resolved').length,
    attendanceRisks: d.attendanceRisks.length,
  };
}
