import { CONNECTION_KINDS, CONNECTION_WINDOW_DAYS, type ConnectionMap, type ConnectionMapQuery, type ConnectionWindow } from '../../../shared/schemas/connection.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { facilitatorsWithNames } from '../../policy/membership.js';
import { groupEdgeEvents, sumEdges, type DirectedEdge, type EdgeEvents } from './edges.js';
import { analyseNetwork } from './network.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface Person {
  id: string;
  userId: string;
  label: string;
  kind: 'member' | 'facilitator';
  joinedAt: string;
  leftAt: string | null;
}

/** Everyone who was ever a member of the group (joined), and its facilitators. */
export async function peopleOf(db: DbOrTx, groupId: string): Promise<Person[]> {
  const [members, facilitators] = await Promise.all([
    db
      .selectFrom('enrolments as e')
      .select(['e.id', 'e.participant_id', 'e.pseudonym', 'e.joined_at', 'e.left_at'])
      .where('e.group_id', '=', groupId)
      .where('e.joined_at', 'is not', null)
      .orderBy('e.pseudonym')
      .execute(),
    facilitatorsWithNames(db, groupId),
  ]);
  return [
    ...members.map((m) => ({ id: m.id, userId: m.participant_id, label: m.pseudonym, kind: 'member' as const, joinedAt: m.joined_at ?? '', leftAt: m.left_at })),
    ...facilitators.map((f) => ({ id: f.id, userId: f.id, label: f.display_name, kind: 'facilitator' as const, joinedAt: '', leftAt: null })),
  ];
}

/** The days a window ending `untilMs` covers (inclusive); the whole group's life for `all`. */
export function spanOf(window: ConnectionWindow, untilMs: number, startMs: number) {
  const fromMs = window === 'all' ? startMs : Math.max(startMs, untilMs - (CONNECTION_WINDOW_DAYS[window] - 1) * DAY_MS);
  return { fromDay: dayOf(fromMs), untilDay: dayOf(untilMs), from: new Date(fromMs).toISOString(), until: new Date(untilMs).toISOString() };
}

/** Day-by-day acts summed per week counted back from today (0 = the last seven days), each week's ties once. */
function weeklyTies(events: readonly EdgeEvents[], nowMs: number) {
  const today = Date.parse(dayOf(nowMs));
  const byWeek = new Map<number, EdgeEvents[]>();
  for (const e of events) {
    const back = Math.floor((today - Date.parse(e.day)) / WEEK_MS);
    const list = byWeek.get(back);
    if (list) list.push(e);
    else byWeek.set(back, [e]);
  }
  return new Map([...byWeek].map(([back, list]) => [back, sumEdges(list)]));
}

/** Adds a week's ties into a running sum (keyed `source target`). */
function addWeek(sum: Map<string, DirectedEdge>, week: readonly DirectedEdge[] | undefined) {
  for (const e of week ?? []) {
    const key = `${e.source} ${e.target}`;
    const tie = sum.get(key);
    if (!tie) {
      sum.set(key, { ...e, kinds: { ...e.kinds } });
      continue;
    }
    tie.weight += e.weight;
    for (const kind of CONNECTION_KINDS) tie.kinds[kind] += e.kinds[kind];
  }
}

/** The ties of the weeks `fromBack` to `toBack` back (inclusive), summed. */
function tiesOver(weekly: Map<number, DirectedEdge[]>, fromBack: number, toBack: number): DirectedEdge[] {
  const sum = new Map<string, DirectedEdge>();
  for (let back = fromBack; back >= toBack; back -= 1) addWeek(sum, weekly.get(back));
  return [...sum.values()];
}

/** The people and ties of one window: members who were in the group during it, every facilitator. */
export function networkAt(people: readonly Person[], ties: readonly DirectedEdge[], span: ReturnType<typeof spanOf>) {
  const present = people.filter((p) => p.kind === 'facilitator' || (p.joinedAt.slice(0, 10) <= span.untilDay && (p.leftAt === null || p.leftAt.slice(0, 10) >= span.fromDay)));
  const nodeOf = new Map(present.map((p) => [p.userId, p.id]));
  const edges = ties.flatMap((e) => {
    const source = nodeOf.get(e.source);
    const target = nodeOf.get(e.target);
    return source && target ? [{ ...e, source, target }] : [];
  });
  const memberIds = present.filter((p) => p.kind === 'member').map((p) => p.id);
  return {
    present,
    edges,
    network: analyseNetwork(
      memberIds,
      present.map((p) => p.id),
      edges,
    ),
  };
}

/**
 * The connection map of a group for its facilitators: who reached whom in the chosen window
 * (ending `weeksBack` weeks ago), the peer network's figures, and the same figures for every week
 * of the group's life. Audited.
 */
export async function readConnectionMap(ctx: UseCaseContext, groupId: string, query: ConnectionMapQuery): Promise<ConnectionMap> {
  const people = await peopleOf(ctx.db, groupId);
  const group = await ctx.db.selectFrom('therapy_groups').select('created_at').where('id', '=', groupId).executeTakeFirstOrThrow();
  const joins = people.filter((p) => p.kind === 'member').map((p) => p.joinedAt);
  const start = joins.length > 0 ? joins.reduce((a, b) => (a < b ? a : b)) : group.created_at;
  const nowMs = ctx.now.getTime();
  const startMs = Math.min(Date.parse(start), nowMs);
  const weeksAvailable = Math.floor((nowMs - startMs) / WEEK_MS);
  if (query.weeksBack > weeksAvailable) {
    throw new AppError('validation_failed', `The group is ${weeksAvailable} weeks old: the map goes back at most ${weeksAvailable} weeks.`, [
      { path: 'weeksBack', message: `At most ${weeksAvailable}.` },
    ]);
  }
  const events = await groupEdgeEvents(ctx.db, groupId, { from: `${dayOf(startMs)}T00:00:00.000Z`, until: ctx.now.toISOString() });
  // A window of w weeks ending k weeks back covers exactly the weeks k … k+w−1 counted back from
  // today (windows are whole days, 7·w of them), so each week's ties are summed once.
  const weekly = weeklyTies(events, nowMs);
  const weeks = query.window === 'all' ? Number.POSITIVE_INFINITY : CONNECTION_WINDOW_DAYS[query.window] / 7;
  const oldest = Math.max(0, ...weekly.keys());
  const tiesAt = (back: number) => tiesOver(weekly, Math.min(oldest, back + weeks - 1), back);
  const span = spanOf(query.window, nowMs - query.weeksBack * WEEK_MS, startMs);
  const { present, edges, network } = networkAt(people, tiesAt(query.weeksBack), span);
  const series = [];
  // The whole group's window grows by a week at each step: one running sum instead of re-adding every week.
  const running = new Map<string, DirectedEdge>();
  if (query.window === 'all') for (let back = oldest; back > weeksAvailable; back -= 1) addWeek(running, weekly.get(back));
  for (let back = weeksAvailable; back >= 0; back -= 1) {
    const at = spanOf(query.window, nowMs - back * WEEK_MS, startMs);
    if (query.window === 'all') addWeek(running, weekly.get(back));
    const ties = query.window === 'all' ? [...running.values()] : tiesAt(back);
    series.push({ weeksBack: back, until: at.until, ...networkAt(people, ties, at).network.figures });
  }
  await ctx.audit({ action: 'connection.read', resourceType: 'group', resourceId: groupId, groupId, detail: { window: query.window, weeksBack: query.weeksBack } });
  return {
    groupId,
    window: query.window,
    weeksBack: query.weeksBack,
    weeksAvailable,
    from: span.from,
    until: span.until,
    nodes: present.map((p) => {
      const s = network.standing.get(p.id);
      return {
        id: p.id,
        label: p.label,
        kind: p.kind,
        received: s?.received ?? 0,
        given: s?.given ?? 0,
        peersIn: s?.peersIn ?? 0,
        reciprocalTies: s?.reciprocalTies ?? 0,
        isolate: s?.isolate ?? false,
        subgroup: s?.subgroup ?? null,
      };
    }),
    edges: edges.map((e) => ({ from: e.source, to: e.target, weight: e.weight, kinds: e.kinds, reciprocal: network.reciprocal(e.source, e.target) })),
    figures: network.figures,
    subgroups: network.subgroups,
    series,
  };
}
