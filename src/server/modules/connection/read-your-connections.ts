import type { ConnectionSuggestion, YourConnections, YourConnectionsGroup } from '../../../shared/schemas/your-connections.js';
import type { DbOrTx } from '../../db/database.js';
import { enrolmentAt } from '../../policy/membership.js';
import type { Principal } from '../../policy/policy.js';
import { currentPeers } from '../feedback/peers.js';
import { strategyTries } from '../strategies/repository.js';
import { groupEdges } from './edges.js';

const DAY_MS = 86_400_000;
/** How recent a peer's shared item must be to be suggested. */
const SUGGESTION_DAYS = 28;
/** How much of a feedback request the suggestion quotes. */
const EXCERPT = 120;

const byName = (names: Iterable<string>) => [...new Set(names)].sort((a, b) => a.localeCompare(b));

/** The groups where the member is taking part (active): the ones whose peers they see by pseudonym. */
function takingPartIn(db: DbOrTx, userId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .select(['e.group_id', 'g.name'])
    .where('e.participant_id', '=', userId)
    .where(enrolmentAt('contribute', 'e.status'))
    .orderBy('g.name')
    .execute();
}

/** The newest item a peer shared with the group lately that every member sees (published), by any of the given peers. */
async function newestSharedBy(db: DbOrTx, groupId: string, authorIds: string[], since: string): Promise<ConnectionSuggestion | null> {
  if (authorIds.length === 0) return null;
  const [strategy, request] = await Promise.all([
    db
      .selectFrom('strategies as s')
      .innerJoin('enrolments as e', 'e.id', 's.enrolment_id')
      .select(['e.pseudonym', 's.title', 's.created_at'])
      .where('s.group_id', '=', groupId)
      .where('s.moderation_status', '=', 'published')
      .where('s.author_id', 'in', authorIds)
      .where('s.created_at', '>=', since)
      .orderBy('s.created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('feedback_items as f')
      .innerJoin('enrolments as e', 'e.id', 'f.enrolment_id')
      .select(['e.pseudonym', 'f.body', 'f.created_at'])
      .where('f.group_id', '=', groupId)
      .where('f.parent_id', 'is', null)
      .where('f.moderation_status', '=', 'published')
      .where('f.author_id', 'in', authorIds)
      .where('f.created_at', '>=', since)
      .orderBy('f.created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const excerpt = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT - 1).trimEnd()}…` : body);
  const candidates: ConnectionSuggestion[] = [
    ...(strategy ? [{ groupId, pseudonym: strategy.pseudonym, kind: 'strategy' as const, title: strategy.title, sharedAt: strategy.created_at }] : []),
    ...(request ? [{ groupId, pseudonym: request.pseudonym, kind: 'feedback_request' as const, title: excerpt(request.body), sharedAt: request.created_at }] : []),
  ];
  return candidates.sort((a, b) => b.sharedAt.localeCompare(a.sharedAt))[0] ?? null;
}

/**
 * "Your connections" for a participant (issue 14 item 4): in each group they take part in, the
 * current peers who appreciated them, whose strategies they tried, who tried theirs, and the ones
 * they have not connected with yet — with one gentle suggestion: the newest thing (four weeks at
 * most) a not-yet-connected peer shared that the member can already see.
 *
 * The ties are the connection map's (`edges.ts`: appreciation, helped, reaction, reply, feedback —
 * published acts only) plus strategy marks of any kind. Only current peers are named (the peers
 * list's rule: active members), so a paused, invited or departed member, a facilitator, or a
 * group the member left never appears. Names only, alphabetical: no counts, ranks or comparisons.
 */
export async function readYourConnections(db: DbOrTx, principal: Principal, now: Date): Promise<YourConnections> {
  const me = principal.userId;
  const until = now.toISOString();
  const since = new Date(now.getTime() - SUGGESTION_DAYS * DAY_MS).toISOString();
  const groups: YourConnectionsGroup[] = [];
  let suggestion: ConnectionSuggestion | null = null;
  for (const group of await takingPartIn(db, me)) {
    const [peers, edges, tries] = await Promise.all([currentPeers(db, me, group.group_id), groupEdges(db, group.group_id, { from: '', until }), strategyTries(db, group.group_id)]);
    const pseudonymOf = new Map(peers.map((p) => [p.participant_id, p.pseudonym]));
    const named = (ids: Iterable<string>) => byName([...ids].flatMap((id) => (pseudonymOf.has(id) ? [pseudonymOf.get(id) as string] : [])));
    const tied = new Set<string>();
    for (const e of edges) {
      if (e.source === me) tied.add(e.target);
      if (e.target === me) tied.add(e.source);
    }
    for (const t of tries) {
      if (t.marker_id === me) tied.add(t.author_id);
      if (t.author_id === me) tied.add(t.marker_id);
    }
    const untied = peers.filter((p) => !tied.has(p.participant_id)).map((p) => p.participant_id);
    groups.push({
      groupId: group.group_id,
      groupName: group.name,
      appreciatedYou: named(edges.filter((e) => e.target === me && e.kinds.appreciation > 0).map((e) => e.source)),
      youTriedTheirs: named(tries.filter((t) => t.marker_id === me).map((t) => t.author_id)),
      triedYours: named(tries.filter((t) => t.author_id === me).map((t) => t.marker_id)),
      notYetConnected: named(untied),
    });
    const candidate = await newestSharedBy(db, group.group_id, untied, since);
    if (candidate && (!suggestion || candidate.sharedAt > suggestion.sharedAt)) suggestion = candidate;
  }
  return { groups, suggestion };
}
