import { sql, type SqlBool } from 'kysely';
import type { SpaceOverview } from '../../../shared/schemas/space.js';
import type { DbOrTx } from '../../db/database.js';
import { hiddenAuthors, type SpaceViewer } from './access.js';
import { lastSeqOf } from './repository.js';
import { staffingOf } from './staffing.js';

const threadKey = sql<string>`coalesce(p.thread_id, 'chat')`;

/** SQL condition on `space_posts as p`: the posts this viewer may see (published, or held for staff, or their own; not from people they muted or blocked). */
function visibleTo(viewer: SpaceViewer, hidden: ReadonlySet<string>) {
  const statuses = viewer.role === 'staff' ? (['published', 'held'] as const) : (['published'] as const);
  const ids = [...hidden];
  return sql<SqlBool>`(p.moderation_status in (${sql.join([...statuses])}) or p.author_id = ${viewer.userId})${
    ids.length > 0 ? sql` and (p.enrolment_id is null or p.enrolment_id not in (${sql.join(ids)}))` : sql``
  }`;
}

/** Per thread (chat: 'chat'), the posts by others after the viewer's read marker that they may see. */
function unreadByThread(db: DbOrTx, viewer: SpaceViewer, visible: ReturnType<typeof visibleTo>) {
  return db
    .selectFrom('space_posts as p')
    .leftJoin('space_read_markers as m', (join) =>
      join
        .on('m.user_id', '=', viewer.userId)
        .onRef('m.group_id', '=', 'p.group_id')
        .on(sql<SqlBool>`m.thread_key = ${threadKey}`),
    )
    .select([threadKey.as('key'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('p.group_id', '=', viewer.groupId)
    .where('p.author_id', '!=', viewer.userId)
    .where('p.moderation_status', '!=', 'removed')
    .where(sql<SqlBool>`p.seq > coalesce(m.last_seq, 0)`)
    .where(visible)
    .groupBy('p.thread_id')
    .execute();
}

/** How many posts the viewer has not read in the whole space (chat and every thread): the same count the space's front page shows, summed. */
export async function unreadInSpace(db: DbOrTx, viewer: SpaceViewer): Promise<number> {
  const rows = await unreadByThread(db, viewer, visibleTo(viewer, await hiddenAuthors(db, viewer)));
  return rows.reduce((n, r) => n + Number(r.count), 0);
}

/**
 * The space's front page for one viewer: the live chat and the threads they may see, each with
 * its unread count (posts by others after their read marker that they may see), the staffing
 * banner and their mutes and blocks. Two grouped queries whatever the number of threads.
 */
export async function spaceOverview(db: DbOrTx, viewer: SpaceViewer, now: Date): Promise<SpaceOverview> {
  const visible = visibleTo(viewer, await hiddenAuthors(db, viewer));
  const [group, threads, stats, unread, lastSeq, staffing] = await Promise.all([
    db.selectFrom('therapy_groups').select('name').where('id', '=', viewer.groupId).executeTakeFirstOrThrow(),
    db
      .selectFrom('space_threads as t')
      .leftJoin('space_posts as o', 'o.id', 't.opening_post_id')
      .select(['t.id', 't.title', 't.pinned', 't.created_at', 'o.moderation_status', 'o.author_id'])
      .where('t.group_id', '=', viewer.groupId)
      .execute(),
    db
      .selectFrom('space_posts as p')
      .select([threadKey.as('key'), (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.max('p.seq').as('last_seq'), (eb) => eb.fn.max('p.created_at').as('last_at')])
      .where('p.group_id', '=', viewer.groupId)
      .where(visible)
      .groupBy('p.thread_id')
      .execute(),
    unreadByThread(db, viewer, visible),
    lastSeqOf(db, viewer.groupId),
    staffingOf(db, viewer.groupId, now),
  ]);
  const statsBy = new Map(stats.map((s) => [s.key, s]));
  const unreadBy = new Map(unread.map((u) => [u.key, Number(u.count)]));
  const summary = (key: string, id: string | null, title: string, pinned: boolean, createdAt: string | null) => {
    const s = statsBy.get(key);
    return {
      id,
      key,
      title,
      pinned,
      createdAt,
      lastSeq: Number(s?.last_seq ?? 0),
      lastActivityAt: (s?.last_at as string | null | undefined) ?? createdAt,
      unread: unreadBy.get(key) ?? 0,
      postCount: Number(s?.count ?? 0),
    };
  };
  const threadSummaries = threads
    .filter((t) => t.moderation_status === 'published' || viewer.role === 'staff' || t.author_id === viewer.userId)
    .map((t) => summary(t.id, t.id, t.title, t.pinned === 1, t.created_at))
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? ''));
  const blocked = viewer.enrolmentId
    ? (await db.selectFrom('space_blocks').select('blocked_enrolment_id as id').where('blocker_enrolment_id', '=', viewer.enrolmentId).execute()).map((b) => b.id)
    : [];
  const muted = (await db.selectFrom('space_mutes').select('muted_enrolment_id as id').where('user_id', '=', viewer.userId).where('group_id', '=', viewer.groupId).execute()).map(
    (m) => m.id,
  );
  return {
    groupId: viewer.groupId,
    groupName: group.name,
    me: { role: viewer.role, enrolmentId: viewer.enrolmentId, label: viewer.label },
    staffing,
    threads: [summary('chat', null, 'Group chat', true, null), ...threadSummaries],
    muted,
    blocked,
    lastSeq,
  };
}
