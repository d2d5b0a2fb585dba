import { sql } from 'kysely';
import type { ConnectionKind } from '../../../shared/schemas/connection.js';
import type { DbOrTx } from '../../db/database.js';

/** Acts of one kind from one person to another on one UTC day (people are user ids). */
export interface EdgeEvents {
  source: string;
  target: string;
  kind: ConnectionKind;
  /** YYYY-MM-DD */
  day: string;
  n: number;
}

/** A directed, weighted tie between two people (user ids) over a span. */
export interface DirectedEdge {
  source: string;
  target: string;
  weight: number;
  kinds: Record<ConnectionKind, number>;
}

const day = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 10)`;
const n = sql<number>`count(*)`;

/** What members react to in a group (celebration cards, shared practice entries), published, with whose it is. */
function publishedReactionTargets(db: DbOrTx, groupId: string) {
  return db
    .selectFrom('celebrations')
    .select(['id', sql<string>`'celebration'`.as('target_kind'), 'participant_id as owner'])
    .where('group_id', '=', groupId)
    .where('moderation_status', '=', 'published')
    .unionAll(
      db
        .selectFrom('skill_practices')
        .select(['id', sql<string>`'skill_practice'`.as('target_kind'), 'participant_id as owner'])
        .where('shared_group_id', '=', groupId)
        .where('moderation_status', '=', 'published'),
    );
}

/**
 * Every act of validation and support between two people of a group from `from` to `until`
 * (ISO timestamps, inclusive), counted per source, target, kind and day — read from the existing
 * tables, the same statements on SQLite and PostgreSQL:
 * appreciation (sender → each recipient), helped (a member marked a strategy "helped" → its author),
 * reaction (reactor → the author of the celebration or shared practice), reply (a space post → the
 * author of the post it answers, else the thread's opener), feedback (a reply → who asked).
 * Only what others could see counts (published); acts towards oneself never do.
 */
export async function groupEdgeEvents(db: DbOrTx, groupId: string, span: { from: string; until: string }): Promise<EdgeEvents[]> {
  const { from, until } = span;
  const rows = await db
    .selectFrom('appreciation_recipients as r')
    .innerJoin('appreciations as a', 'a.id', 'r.appreciation_id')
    .select(['a.sender_id as source', 'r.recipient_id as target', sql<ConnectionKind>`'appreciation'`.as('kind'), day('r.created_at').as('day'), n.as('n')])
    .where('a.group_id', '=', groupId)
    .where('a.moderation_status', '=', 'published')
    .where('r.created_at', '>=', from)
    .where('r.created_at', '<=', until)
    .whereRef('r.recipient_id', '<>', 'a.sender_id')
    .groupBy(['a.sender_id', 'r.recipient_id', day('r.created_at')])
    .unionAll(
      db
        .selectFrom('strategy_marks as k')
        .innerJoin('strategies as s', 's.id', 'k.strategy_id')
        .innerJoin('enrolments as e', 'e.id', 'k.enrolment_id')
        .select(['e.participant_id as source', 's.author_id as target', sql<ConnectionKind>`'helped'`.as('kind'), day('k.updated_at').as('day'), n.as('n')])
        .where('s.group_id', '=', groupId)
        .where('s.moderation_status', '=', 'published')
        .where('k.state', '=', 'helped')
        .where('k.updated_at', '>=', from)
        .where('k.updated_at', '<=', until)
        .whereRef('e.participant_id', '<>', 's.author_id')
        .groupBy(['e.participant_id', 's.author_id', day('k.updated_at')]),
    )
    .unionAll(
      db
        .selectFrom('supportive_reactions as x')
        .innerJoin(publishedReactionTargets(db, groupId).as('o'), (join) => join.onRef('o.id', '=', 'x.target_id').onRef('o.target_kind', '=', 'x.target_kind'))
        .select(['x.reactor_id as source', 'o.owner as target', sql<ConnectionKind>`'reaction'`.as('kind'), day('x.created_at').as('day'), n.as('n')])
        .where('x.created_at', '>=', from)
        .where('x.created_at', '<=', until)
        .whereRef('x.reactor_id', '<>', 'o.owner')
        .groupBy(['x.reactor_id', 'o.owner', 'x.target_kind', day('x.created_at')]),
    )
    .unionAll(
      db
        .selectFrom('space_posts as p')
        .leftJoin('space_posts as q', 'q.id', 'p.reply_to_id')
        .leftJoin('space_threads as t', 't.id', 'p.thread_id')
        .select([
          'p.author_id as source',
          sql<string>`coalesce(q.author_id, t.created_by)`.as('target'),
          sql<ConnectionKind>`'reply'`.as('kind'),
          day('p.created_at').as('day'),
          n.as('n'),
        ])
        .where('p.group_id', '=', groupId)
        .where('p.moderation_status', '=', 'published')
        .where('p.created_at', '>=', from)
        .where('p.created_at', '<=', until)
        .where(sql<boolean>`coalesce(q.author_id, t.created_by) <> p.author_id`)
        .groupBy(['p.author_id', sql`coalesce(q.author_id, t.created_by)`, day('p.created_at')]),
    )
    .unionAll(
      db
        .selectFrom('feedback_items as f')
        .innerJoin('feedback_items as q', 'q.id', 'f.parent_id')
        .select(['f.author_id as source', 'q.author_id as target', sql<ConnectionKind>`'feedback'`.as('kind'), day('f.created_at').as('day'), n.as('n')])
        .where('f.group_id', '=', groupId)
        .where('f.moderation_status', '=', 'published')
        .where('f.created_at', '>=', from)
        .where('f.created_at', '<=', until)
        .whereRef('f.author_id', '<>', 'q.author_id')
        .groupBy(['f.author_id', 'q.author_id', day('f.created_at')]),
    )
    .execute();
  return rows.map((r) => ({ source: r.source, target: r.target, kind: r.kind, day: r.day, n: Number(r.n) }));
}

/** Sums day-by-day acts into directed weighted ties, keeping the days from `fromDay` to `untilDay` (inclusive). */
export function sumEdges(events: readonly EdgeEvents[], fromDay = '', untilDay = '9999-12-31'): DirectedEdge[] {
  const ties = new Map<string, DirectedEdge>();
  for (const e of events) {
    if (e.day < fromDay || e.day > untilDay) continue;
    const key = `${e.source} ${e.target}`;
    let tie = ties.get(key);
    if (!tie) {
      tie = { source: e.source, target: e.target, weight: 0, kinds: { appreciation: 0, helped: 0, reaction: 0, reply: 0, feedback: 0 } };
      ties.set(key, tie);
    }
    tie.weight += e.n;
    tie.kinds[e.kind] += e.n;
  }
  return [...ties.values()];
}

/** The directed weighted ties between the people of a group in a span: what item 4 ("your connections") and the map share. */
export async function groupEdges(db: DbOrTx, groupId: string, span: { from: string; until: string }): Promise<DirectedEdge[]> {
  return sumEdges(await groupEdgeEvents(db, groupId, span));
}
