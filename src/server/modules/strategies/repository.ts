import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import type { MarkCounts } from '../../../shared/schemas/strategies.js';
import { likePattern } from './like-pattern.js';

/** Who is looking: staff see held items too; a member sees published ones and their own. */
export interface Viewer {
  userId: string;
  staff: boolean;
  /** The viewer's enrolment in the group (members), for "mine" and "my mark". */
  enrolmentId: string | null;
}

function baseQuery(db: DbOrTx, viewer: Viewer) {
  return db
    .selectFrom('strategies as s')
    .innerJoin('enrolments as e', 'e.id', 's.enrolment_id')
    .leftJoin('strategy_marks as m', (j) => j.onRef('m.strategy_id', '=', 's.id').on('m.enrolment_id', '=', viewer.enrolmentId ?? ''))
    .leftJoin('library_entries as l', (j) => j.onRef('l.strategy_id', '=', 's.id').on('l.status', '=', 'active'))
    .select([
      's.id',
      's.group_id',
      's.title',
      's.when_helps',
      's.steps',
      's.author_id',
      's.moderation_status',
      's.created_at',
      'e.pseudonym',
      'm.state as my_mark',
      'l.id as library_entry_id',
    ])
    .where((eb) =>
      viewer.staff
        ? eb('s.moderation_status', 'in', ['published', 'held'])
        : eb.or([eb('s.moderation_status', '=', 'published'), eb.and([eb('s.author_id', '=', viewer.userId), eb('s.moderation_status', 'in', ['held', 'rejected'])])]),
    );
}

export type StrategyRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** A group's strategies the viewer may see, newest first, optionally matching a search. */
export function listGroupStrategies(db: DbOrTx, viewer: Viewer, groupId: string, opts: { q?: string; before?: string; limit: number }) {
  let query = baseQuery(db, viewer).where('s.group_id', '=', groupId);
  if (opts.q) {
    const pattern = likePattern(opts.q);
    query = query.where(
      sql<boolean>`(lower(s.title) like ${pattern} escape '\\' or lower(s.when_helps) like ${pattern} escape '\\' or lower(s.steps) like ${pattern} escape '\\')`,
    );
  }
  if (opts.before) query = query.where('s.created_at', '<', opts.before);
  return query
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

/** One strategy, if the viewer may see it. */
export function findVisibleStrategy(db: DbOrTx, viewer: Viewer, strategyId: string) {
  return baseQuery(db, viewer).where('s.id', '=', strategyId).executeTakeFirst();
}

/**
 * "I'll try it / helped / didn't" counts per strategy. Marks of members who have since left the
 * group still count: what they tried happened, and counts never name anyone. They can no longer
 * change their mark (they no longer reach the strategy).
 */
export async function markCounts(db: DbOrTx, strategyIds: string[]): Promise<Map<string, MarkCounts>> {
  const result = new Map<string, MarkCounts>();
  if (strategyIds.length === 0) return result;
  const rows = await db
    .selectFrom('strategy_marks')
    .select(['strategy_id', 'state', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('strategy_id', 'in', strategyIds)
    .groupBy(['strategy_id', 'state'])
    .execute();
  for (const r of rows) {
    const counts = result.get(r.strategy_id) ?? { try: 0, helped: 0, didntHelp: 0 };
    const n = Number(r.n);
    if (r.state === 'try') counts.try = n;
    else if (r.state === 'helped') counts.helped = n;
    else counts.didntHelp = n;
    result.set(r.strategy_id, counts);
  }
  return result;
}

/**
 * Who tried whose strategies in a group: every mark ("I'll try it", "helped", "didn't help") on a
 * published strategy, as marker → author (user ids), one row per pair; marks on one's own
 * strategies left out. What "your connections" tells a member about trying each other's ideas.
 */
export function strategyTries(db: DbOrTx, groupId: string) {
  return db
    .selectFrom('strategy_marks as k')
    .innerJoin('strategies as s', 's.id', 'k.strategy_id')
    .innerJoin('enrolments as e', 'e.id', 'k.enrolment_id')
    .select(['e.participant_id as marker_id', 's.author_id'])
    .where('s.group_id', '=', groupId)
    .where('s.moderation_status', '=', 'published')
    .whereRef('e.participant_id', '<>', 's.author_id')
    .groupBy(['e.participant_id', 's.author_id'])
    .execute();
}
