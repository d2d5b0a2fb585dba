import type { DbOrTx } from '../../db/database.js';
import type { Principal } from '../../policy/policy.js';
import { groupEdgeEvents, sumEdges } from '../connection/edges.js';
import { networkAt, peopleOf, spanOf } from '../connection/read-connection-map.js';
import { firstLastPairs, pearson, type OutcomeFilter } from './outcomes.js';

const DAY_MS = 86_400_000;
/** The network "at start" is the group's first four weeks; "at end", its last four (up to now). */
const SPAN_DAYS = 28;
const round = (v: number | null, places = 2) => (v === null ? null : Math.round(v * 10 ** places) / 10 ** places);

/**
 * Connection outcomes beside the report's instrument: change on the ONS loneliness question (the
 * same people, scope and dates as the report; lower is better), and — for one group — its peer
 * network in its first four weeks against its last four, with how each member's reciprocal ties
 * at the end relate to their PHQ-9 improvement and to their attendance.
 */
export async function connectionOutcomes(db: DbOrTx, principal: Principal, filter: OutcomeFilter, now: Date) {
  const lonely = await firstLastPairs(db, principal, { ...filter, instrumentCode: 'ons-loneliness' });
  const completed = lonely.filter((p) => p.n >= 2);
  const changes = completed.map((p) => p.last - p.first);
  return {
    loneliness: {
      started: lonely.length,
      completed: completed.length,
      meanChange: changes.length ? round(changes.reduce((a, b) => a + b, 0) / changes.length) : null,
      shareImproved: changes.length ? round(changes.filter((c) => c < 0).length / changes.length, 3) : null,
    },
    network: filter.groupId ? await groupNetworkOutcome(db, principal, filter, now) : null,
  };
}

async function groupNetworkOutcome(db: DbOrTx, principal: Principal, filter: OutcomeFilter & { groupId?: string | undefined }, now: Date) {
  const groupId = filter.groupId as string;
  const people = await peopleOf(db, groupId);
  const joins = people.filter((p) => p.kind === 'member').map((p) => p.joinedAt);
  if (joins.length === 0) return null;
  const startMs = Math.min(Date.parse(joins.reduce((a, b) => (a < b ? a : b))), now.getTime());
  const events = await groupEdgeEvents(db, groupId, { from: new Date(startMs).toISOString().slice(0, 10), until: now.toISOString() });
  const startSpan = spanOf('4w', Math.min(now.getTime(), startMs + (SPAN_DAYS - 1) * DAY_MS), startMs);
  const endSpan = spanOf('4w', now.getTime(), startMs);
  const atStart = networkAt(people, sumEdges(events, startSpan.fromDay, startSpan.untilDay), startSpan);
  const atEnd = networkAt(people, sumEdges(events, endSpan.fromDay, endSpan.untilDay), endSpan);
  // Each member's reciprocal ties at the end beside their PHQ-9 improvement (first − last) and attendance.
  const phq9 = (await firstLastPairs(db, principal, { ...filter, instrumentCode: 'phq-9' })).filter((p) => p.n >= 2 && p.enrolmentId);
  const ties = (id: string | null) => atEnd.network.standing.get(id ?? '')?.reciprocalTies ?? 0;
  const withAttendance = phq9.filter((p) => p.attendance !== null);
  return {
    start: atStart.network.figures,
    end: atEnd.network.figures,
    startUntil: startSpan.untilDay,
    endFrom: endSpan.fromDay,
    tiesVsPhq9Improvement: round(
      pearson(
        phq9.map((p) => ties(p.enrolmentId)),
        phq9.map((p) => p.first - p.last),
      ),
    ),
    tiesVsAttendance: round(
      pearson(
        withAttendance.map((p) => ties(p.enrolmentId)),
        withAttendance.map((p) => p.attendance ?? 0),
      ),
    ),
    members: phq9.length,
  };
}
