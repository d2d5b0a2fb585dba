import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';

/** The early warning looks back this many days: thresholds counted in days cannot exceed it. */
export const ISOLATION_WINDOW_DAYS = 28;

const count = (label: string, max: number) =>
  z
    .number({ error: `${label}: a number.` })
    .int(`${label}: a whole number.`)
    .min(0, `${label}: cannot be negative.`)
    .max(max, `${label}: at most ${max}.`);
const atLeastOne = (label: string, max: number) => count(label, max).min(1, `${label}: at least 1.`);

/**
 * The service's thresholds for the isolation early warning (kept as data: service setting
 * `isolation.thresholds`). Days are bounded by the 28-day window; "watch" must not exceed "reach out".
 */
export const isolationThresholdsShape = {
  /** Sessions missed in a row (absent or excused) that make attendance a `watch` / `reach_out` signal. */
  missedInRowWatch: atLeastOne('Missed in a row (watch)', ISOLATION_WINDOW_DAYS),
  missedInRowReachOut: atLeastOne('Missed in a row (reach out)', ISOLATION_WINDOW_DAYS),
  /** Late arrivals or early leavings within the window that make attendance a `watch` signal. */
  lateWatch: atLeastOne('Late arrivals (watch)', ISOLATION_WINDOW_DAYS),
  /** Days without reading or posting in the group space. */
  quietDaysWatch: atLeastOne('Days without reading or posting (watch)', ISOLATION_WINDOW_DAYS),
  quietDaysReachOut: atLeastOne('Days without reading or posting (reach out)', ISOLATION_WINDOW_DAYS),
  /** A post or feedback request counts as unanswered when nobody else answered it within this many days. */
  unansweredAfterDays: atLeastOne('Days before a post counts as unanswered', ISOLATION_WINDOW_DAYS),
  unansweredWatch: atLeastOne('Unanswered posts (watch)', 100),
  unansweredReachOut: atLeastOne('Unanswered posts (reach out)', 100),
  /** Days since a shared goal was last checked in. */
  goalDaysWatch: atLeastOne('Days since a goal check-in', ISOLATION_WINDOW_DAYS),
  /** Rise of the PHQ-9 total between the member's last two answers (6 is its reliable change). */
  phq9RiseWatch: atLeastOne('PHQ-9 rise (watch)', 27),
  phq9RiseReachOut: atLeastOne('PHQ-9 rise (reach out)', 27),
  /** Rise of the ONS loneliness answer (1 Never … 5 Often/always) between the last two answers. */
  lonelinessRiseWatch: atLeastOne('Loneliness rise (watch)', 4),
  lonelinessRiseReachOut: atLeastOne('Loneliness rise (reach out)', 4),
  /** How many signals together make a `reach_out` (at least one not soft; the soft ones — posting, reacting, appreciations, goals — count as one). */
  reachOutSignals: z
    .number({ error: 'Signals for reach out: a number.' })
    .int('Signals for reach out: a whole number.')
    .min(2, 'Signals for reach out: at least 2.')
    .max(8, 'Signals for reach out: at most 8.'),
  /** Days a flag stays quiet after "reached out" or "dismissed". */
  snoozeDays: atLeastOne('Snooze days', ISOLATION_WINDOW_DAYS),
};

export const isolationThresholdsSchema = z.strictObject(isolationThresholdsShape);
export type IsolationThresholds = z.infer<typeof isolationThresholdsSchema>;
/** A change: any subset of the thresholds. */
export const isolationThresholdsPatchSchema = z.strictObject(isolationThresholdsShape).partial();

export const DEFAULT_ISOLATION_THRESHOLDS: IsolationThresholds = Object.freeze({
  missedInRowWatch: 2,
  missedInRowReachOut: 3,
  lateWatch: 2,
  quietDaysWatch: 10,
  quietDaysReachOut: 21,
  unansweredAfterDays: 3,
  unansweredWatch: 1,
  unansweredReachOut: 2,
  goalDaysWatch: 14,
  phq9RiseWatch: 3,
  phq9RiseReachOut: 6,
  lonelinessRiseWatch: 1,
  lonelinessRiseReachOut: 2,
  reachOutSignals: 3,
  snoozeDays: 14,
});

/** Pairs whose `watch` value must not exceed the `reach_out` one. */
export const WATCH_REACH_OUT_PAIRS = [
  ['missedInRowWatch', 'missedInRowReachOut'],
  ['quietDaysWatch', 'quietDaysReachOut'],
  ['unansweredWatch', 'unansweredReachOut'],
  ['phq9RiseWatch', 'phq9RiseReachOut'],
  ['lonelinessRiseWatch', 'lonelinessRiseReachOut'],
] as const satisfies readonly (readonly [keyof IsolationThresholds, keyof IsolationThresholds])[];

export const isolationSignalKeySchema = z.enum(['attendance', 'space_quiet', 'unanswered', 'mood', 'appreciations', 'reactions', 'posting', 'goals']);
export type IsolationSignalKey = z.infer<typeof isolationSignalKeySchema>;
export const isolationLevelSchema = z.enum(['watch', 'reach_out']);

/** One signal that fired: what it is, how strong, its figures and the dates behind them, in a sentence. */
export const isolationSignalSchema = z.object({
  key: isolationSignalKeySchema,
  severity: isolationLevelSchema,
  /** Signals about posting or reacting only count alongside another: quiet readers are not flagged for them alone. */
  soft: z.boolean(),
  summary: z.string(),
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
});
export type IsolationSignal = z.infer<typeof isolationSignalSchema>;

export const isolationFlagSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  groupName: z.string(),
  enrolmentId: idSchema,
  pseudonym: z.string(),
  displayName: z.string(),
  level: isolationLevelSchema,
  status: z.enum(['open', 'reached_out', 'dismissed', 'cleared']),
  signals: z.array(isolationSignalSchema),
  suggestedActions: z.array(z.string()),
  raisedAt: timestampSchema,
  updatedAt: timestampSchema,
  decidedBy: z.string().nullable(),
  decidedAt: timestampSchema.nullable(),
  decisionNote: z.string().nullable(),
  snoozedUntil: timestampSchema.nullable(),
  /** The member's level on each of the last days the job ran (oldest first), from the daily snapshots. */
  trend: z.array(z.object({ day: z.string(), level: z.enum(['none', 'watch', 'reach_out']), signals: z.number().int() })),
});
export type IsolationFlag = z.infer<typeof isolationFlagSchema>;

export const isolationFlagsSchema = z.object({
  flags: z.array(isolationFlagSchema),
  /** Decisions of the last 28 days (reached out, dismissed), newest first. */
  decided: z.array(isolationFlagSchema),
  lastRunDay: z.string().nullable(),
  thresholds: isolationThresholdsSchema,
});

export const isolationDecisionSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('reached_out'), note: text(1000).optional() }),
  z.strictObject({ outcome: z.literal('dismissed'), note: text(1000, 3) }),
]);
