import type { ThisWeek } from '../../../shared/schemas/this-week.js';
import type { DbOrTx } from '../../db/database.js';
import type { Principal } from '../../policy/policy.js';
import { findInstrument } from '../measures/instruments.js';
import { upcomingSessionsFor } from '../schedule/upcoming.js';
import { activeGoals, myGroups, newAppreciations, newStrategies, openFeedbackRequests, recentCelebrations } from './repository.js';

const DAY = 86_400_000;

function celebrationText(c: { detail: string; title: string | null; note: string | null }): string {
  if (c.detail === 'reached' || !c.title) return 'reached a milestone';
  return c.detail === 'title_note' && c.note ? `reached "${c.title}": ${c.note}` : `reached "${c.title}"`;
}

/** The person's "seen" markers: when they last opened their appreciations and when due questionnaires were last worked out. */
export async function homeMarkers(db: DbOrTx, userId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('seen_markers').select(['marker', 'seen_at']).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.marker, r.seen_at]));
}

/**
 * Everything a participant's home shows for the week, in one round of queries: the next session,
 * check-ins due, their goals, appreciations received since they last looked, strategies peers
 * shared this week, recent celebrations and open feedback requests.
 */
export async function thisWeek(db: DbOrTx, principal: Principal, now: Date, seen: string | null): Promise<ThisWeek> {
  const userId = principal.userId;
  const weekAgo = new Date(now.getTime() - 7 * DAY).toISOString();
  const fortnightAgo = new Date(now.getTime() - 14 * DAY).toISOString();
  const [groups, upcoming, due, goals] = await Promise.all([
    myGroups(db, userId),
    upcomingSessionsFor(db, principal, now, 1),
    db
      .selectFrom('measure_requests')
      .select(['id', 'instrument_code', 'due_at', 'reason'])
      .where('participant_id', '=', userId)
      .where('status', '=', 'due')
      .where('due_at', '<=', now.toISOString())
      .orderBy('due_at')
      .limit(10)
      .execute(),
    activeGoals(db, userId),
  ]);
  const groupIds = groups.map((g) => g.group_id);
  const [appreciations, strategies, celebrations, feedbackCount] =
    groupIds.length === 0
      ? [{ latest: [], count: 0 }, { latest: [], count: 0 }, [], 0]
      : await Promise.all([
          newAppreciations(db, userId, groupIds, seen),
          newStrategies(db, userId, groupIds, weekAgo),
          recentCelebrations(db, groupIds, fortnightAgo),
          openFeedbackRequests(db, userId, groupIds, fortnightAgo),
        ]);
  const dueCheckins = [];
  const listed = new Set<string>();
  for (const r of due) {
    // One entry per questionnaire: answering it settles every request for it that is due.
    if (listed.has(r.instrument_code)) continue;
    listed.add(r.instrument_code);
    const entry = await findInstrument(db, r.instrument_code);
    if (entry)
      dueCheckins.push({ requestId: r.id, code: entry.definition.id, title: entry.definition.title, shortTitle: entry.definition.shortTitle, reason: r.reason, dueAt: r.due_at });
  }
  const next = upcoming[0];
  return {
    groups: groups.map((g) => ({ id: g.group_id, name: g.name, pseudonym: g.pseudonym })),
    nextSession: next ? { ...next, topic: next.topic ?? null } : null,
    dueCheckins,
    goals: goals.map((g) => ({
      id: g.id,
      area: g.area,
      action: g.action,
      frequency: g.frequency,
      targetDate: g.target_date,
      visibility: g.visibility,
      lastCheckin: g.last_progress && g.last_checkin_at ? { progress: g.last_progress, at: g.last_checkin_at } : null,
      nextMilestone: g.next_milestone ?? null,
      milestonesReached: Number(g.milestones_reached ?? 0),
      milestonesTotal: Number(g.milestones_total ?? 0),
    })),
    appreciations: {
      newCount: appreciations.count,
      latest: appreciations.latest.map((a) => ({ id: a.id, fromPseudonym: a.pseudonym, body: a.body, createdAt: a.created_at })),
    },
    strategies: {
      newCount: strategies.count,
      latest: strategies.latest.map((s) => ({ id: s.id, groupId: s.group_id, title: s.title, authorPseudonym: s.pseudonym, createdAt: s.created_at })),
    },
    celebrations: celebrations.map((c) => ({ id: c.id, groupId: c.group_id, pseudonym: c.pseudonym, text: celebrationText(c), createdAt: c.created_at })),
    openFeedbackRequests: feedbackCount,
  };
}
