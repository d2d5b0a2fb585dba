import type { IsolationSignal, IsolationSignalKey, IsolationThresholds } from '../../../shared/schemas/isolation.js';
import { ISOLATION_WINDOW_DAYS } from '../../../shared/schemas/isolation.js';
import type { IsolationLevel } from '../../db/schema.js';
import type { MemberFacts } from './facts.js';

const DAY_MS = 86_400_000;

/** Whole days from `at` to `now`. */
export function daysSince(now: Date, at: string): number {
  return Math.floor((now.getTime() - new Date(at).getTime()) / DAY_MS);
}

/** A date as people read it in the flag: "12 Nov 2026". */
function day(at: string | null): string {
  return at ? new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : 'never';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The signals of one member, each with its figures and dates, by the service's thresholds. Signals
 * about posting, reacting, appreciations and goals are `soft`: on their own they raise nothing, so
 * a quiet reader (who reads regularly and rarely posts) is never flagged for not posting alone.
 */
export function signalsOf(facts: MemberFacts, thresholds: IsolationThresholds, now: Date): IsolationSignal[] {
  const signals: IsolationSignal[] = [];
  const add = (key: IsolationSignalKey, severity: 'watch' | 'reach_out' | null, soft: boolean, summary: string, figures: IsolationSignal['figures']) => {
    if (severity) signals.push({ key, severity, soft, summary, figures });
  };

  const a = facts.attendance;
  const missedSeverity = a.missedInRow >= thresholds.missedInRowReachOut ? 'reach_out' : a.missedInRow >= thresholds.missedInRowWatch ? 'watch' : null;
  const lateSeverity = a.lateRecent >= thresholds.lateWatch ? 'watch' : null;
  add(
    'attendance',
    missedSeverity ?? lateSeverity,
    false,
    [
      a.missedInRow > 0 ? `Missed ${plural(a.missedInRow, 'session')} in a row since ${day(a.missedSinceAt)}` : null,
      `${a.missedRecent} of ${plural(a.recordedRecent, 'session')} missed in the last 4 weeks (${a.missedPrior} in the 4 weeks before)`,
      a.lateRecent > 0 ? `late or left early ${plural(a.lateRecent, 'time')}` : null,
      `last attended ${day(a.lastAttendedAt)}`,
    ]
      .filter(Boolean)
      .join('; ') + '.',
    {
      missedInRow: a.missedInRow,
      missedSince: a.missedSinceAt,
      missedLast4Weeks: a.missedRecent,
      missedPrevious4Weeks: a.missedPrior,
      sessionsLast4Weeks: a.recordedRecent,
      lateLast4Weeks: a.lateRecent,
      lastAttended: a.lastAttendedAt,
    },
  );

  // Quiet in the space: others' posts have waited unread (and the member has not posted) this long.
  const s = facts.space;
  const quietSince = s.unreadSince === null ? null : s.lastPostAt !== null && s.lastPostAt > s.unreadSince ? s.lastPostAt : s.unreadSince;
  const quietDays = quietSince === null ? 0 : Math.min(daysSince(now, quietSince), daysSince(now, facts.joinedAt));
  add(
    'space_quiet',
    quietDays >= thresholds.quietDaysReachOut ? 'reach_out' : quietDays >= thresholds.quietDaysWatch ? 'watch' : null,
    false,
    `Has not opened the group space for ${plural(quietDays, 'day')}: posts by others waiting since ${day(s.unreadSince)}; last read ${day(s.lastReadAt)}, last post ${day(s.lastPostAt)}.`,
    { quietDays, unreadSince: s.unreadSince, lastRead: s.lastReadAt, lastPost: s.lastPostAt },
  );

  const unanswered = facts.unanswered;
  const oldest = unanswered.map((u) => u.at).sort()[0] ?? null;
  add(
    'unanswered',
    unanswered.length >= thresholds.unansweredReachOut ? 'reach_out' : unanswered.length >= thresholds.unansweredWatch ? 'watch' : null,
    false,
    `${plural(unanswered.length, 'post or feedback request', 'posts or feedback requests')} nobody answered for ${thresholds.unansweredAfterDays}+ days (oldest ${day(oldest)}).`,
    {
      unanswered: unanswered.length,
      threads: unanswered.filter((u) => u.kind === 'thread').length,
      feedbackRequests: unanswered.filter((u) => u.kind === 'feedback_request').length,
      oldest,
    },
  );

  const mood = moodSignal(facts, thresholds, now);
  if (mood) signals.push(mood);

  const ap = facts.appreciations;
  add(
    'appreciations',
    ap.received === 0 && ap.given === 0 ? 'watch' : null,
    true,
    `No appreciations received or given in the last 4 weeks (last received ${day(ap.lastReceivedAt)}).`,
    { receivedLast4Weeks: ap.received, givenLast4Weeks: ap.given, lastReceived: ap.lastReceivedAt, lastGiven: ap.lastGivenAt },
  );
  add('reactions', facts.reactionsGiven + facts.marksGiven === 0 ? 'watch' : null, true, 'No reactions or strategy marks on anyone’s items in the last 4 weeks.', {
    reactionsLast4Weeks: facts.reactionsGiven,
    marksLast4Weeks: facts.marksGiven,
  });
  add('posting', facts.postsRecent === 0 ? 'watch' : null, true, 'Nothing posted, asked or shared with the group in the last 4 weeks.', { postsLast4Weeks: facts.postsRecent });
  const stalest = facts.staleGoals.map((g) => g.lastCheckInAt).sort()[0] ?? null;
  add(
    'goals',
    facts.staleGoals.length > 0 ? 'watch' : null,
    true,
    `${plural(facts.staleGoals.length, 'shared goal')} not checked in for ${thresholds.goalDaysWatch}+ days (last ${day(stalest)}).`,
    { staleGoals: facts.staleGoals.length, lastCheckIn: stalest },
  );
  return signals;
}

/** PHQ-9 or the ONS loneliness answer rising between the member's last two answers, the latest within the window. */
function moodSignal(facts: MemberFacts, thresholds: IsolationThresholds, now: Date): IsolationSignal | null {
  const rise = (code: 'phq-9' | 'ons-loneliness') => {
    const answers = facts.measures.filter((m) => m.code === code);
    const [previous, latest] = answers.slice(-2);
    if (!previous || !latest || daysSince(now, latest.at) > ISOLATION_WINDOW_DAYS) return null;
    return { previous, latest, rise: latest.total - previous.total };
  };
  const phq = rise('phq-9');
  const lonely = rise('ons-loneliness');
  const level = (r: ReturnType<typeof rise>, watch: number, reachOut: number) => (!r ? 0 : r.rise >= reachOut ? 2 : r.rise >= watch ? 1 : 0);
  const worst = Math.max(level(phq, thresholds.phq9RiseWatch, thresholds.phq9RiseReachOut), level(lonely, thresholds.lonelinessRiseWatch, thresholds.lonelinessRiseReachOut));
  const parts = [
    phq && phq.rise > 0 ? `PHQ-9 rose from ${phq.previous.total} (${day(phq.previous.at)}) to ${phq.latest.total} (${day(phq.latest.at)})` : null,
    lonely && lonely.rise > 0 ? `loneliness answer rose from ${lonely.previous.total} to ${lonely.latest.total} of 5 (${day(lonely.latest.at)})` : null,
  ].filter(Boolean);
  if (worst === 0) return null;
  return {
    key: 'mood',
    severity: worst === 2 ? 'reach_out' : 'watch',
    soft: false,
    summary: `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()),
    figures: {
      phq9Previous: phq?.previous.total ?? null,
      phq9Latest: phq?.latest.total ?? null,
      phq9LatestAt: phq?.latest.at ?? null,
      lonelinessPrevious: lonely?.previous.total ?? null,
      lonelinessLatest: lonely?.latest.total ?? null,
      lonelinessLatestAt: lonely?.latest.at ?? null,
    },
  };
}

/**
 * The level the signals give: none without a signal that is not soft; `reach_out` when one of
 * them is at its reach-out threshold or when `reachOutSignals` signals fire together — the soft
 * ones (posting, reacting, appreciations, goals: often one quiet habit) counting as one; else `watch`.
 */
export function levelOf(signals: readonly IsolationSignal[], thresholds: IsolationThresholds): IsolationLevel {
  const hard = signals.filter((s) => !s.soft);
  if (hard.length === 0) return 'none';
  const together = hard.length + (signals.some((s) => s.soft) ? 1 : 0);
  if (hard.some((s) => s.severity === 'reach_out') || together >= thresholds.reachOutSignals) return 'reach_out';
  return 'watch';
}

const SUGGESTIONS: Record<IsolationSignalKey, string> = {
  attendance: 'Send a personal message before the next session (“we missed you”) and ask what would make coming easier.',
  space_quiet: 'A personal message to ask how they are, mentioning something in the group space they might relate to.',
  unanswered: 'Answer their post or feedback request, or invite a peer to, and acknowledge it in session.',
  mood: 'A word with them in or after the session, or a check-in call; look at their latest answers and their safety plan.',
  appreciations: 'Pair them with a peer for the next exercise.',
  reactions: 'Pair them with a peer for the next exercise.',
  posting: 'Invite them in session to share one thing that helped this week.',
  goals: 'Ask about their goal in session and offer to revisit it together.',
};

/** What a facilitator might do, from the signals that fired, most pressing first (no duplicates). */
export function suggestedActions(signals: readonly IsolationSignal[]): string[] {
  const ordered = [...signals].sort((x, y) => Number(x.soft) - Number(y.soft) || (x.severity === y.severity ? 0 : x.severity === 'reach_out' ? -1 : 1));
  return [...new Set(ordered.map((s) => SUGGESTIONS[s.key]))];
}
