import type { SpaceModerationStatus } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { newGoalRow } from '../modules/goals/repository.js';

// Rows for tests (and benchmarks) that write tables directly, with the values most of them want.

/** A scheduled 90-minute session added by hand, as a row, for tests that write sessions directly. */
export function scheduledSessionRow(session: { id: string; groupId: string; startsAt: string; topic: string; createdAt: string }) {
  return {
    id: session.id,
    group_id: session.groupId,
    starts_at: session.startsAt,
    ends_at: new Date(Date.parse(session.startsAt) + 90 * 60_000).toISOString(),
    plan_id: null,
    topic: session.topic,
    status: 'scheduled' as const,
    origin: 'manual' as const,
    cancel_reason: null,
    created_at: session.createdAt,
    updated_at: session.createdAt,
    original_starts_at: null,
  };
}

/** A participant's space post as a row (a chat message when threadId is null), published unless told otherwise, for tests that write the space directly. */
export function spacePostRow(post: {
  id: string;
  groupId: string;
  threadId: string | null;
  seq: number;
  authorId: string;
  enrolmentId: string;
  body: string;
  createdAt: string;
  status?: SpaceModerationStatus;
}) {
  return {
    id: post.id,
    group_id: post.groupId,
    thread_id: post.threadId,
    kind: post.threadId === null ? ('message' as const) : ('post' as const),
    seq: post.seq,
    version_seq: post.seq,
    author_id: post.authorId,
    enrolment_id: post.enrolmentId,
    author_role: 'participant' as const,
    client_id: null,
    body: post.body,
    reply_to_id: null,
    moderation_status: post.status ?? 'published',
    moderation_reasons: null,
    status_reason: null,
    created_at: post.createdAt,
    edited_at: null,
    removed_at: null,
    removed_by: null,
  };
}

/** The goal "Call my sister" shared with a group and published there, as a row, for tests that write goals directly. */
export function sharedGoalRow(goal: { id: string; participantId: string; enrolmentId: string; groupId: string; createdAt: string }) {
  return {
    ...newGoalRow({ ...goal, area: 'connection', action: 'Call my sister', frequency: 'Once a week', targetDate: '2030-01-31', supportNeeded: '' }),
    visibility: 'group' as const,
    shared_group_id: goal.groupId,
    shared_enrolment_id: goal.enrolmentId,
    moderation_status: 'published' as const,
    shared_at: goal.createdAt,
  };
}

/** A published celebration card showing the title of a reached milestone ("First call"), as a row. */
export function celebrationRow(card: {
  id: string;
  goalId: string;
  milestoneId: string;
  participantId: string;
  enrolmentId: string;
  groupId: string;
  note: string | null;
  createdAt: string;
}) {
  return {
    id: card.id,
    goal_id: card.goalId,
    milestone_id: card.milestoneId,
    participant_id: card.participantId,
    enrolment_id: card.enrolmentId,
    group_id: card.groupId,
    detail: 'title' as const,
    title: 'First call',
    note: card.note,
    moderation_status: 'published' as const,
    created_at: card.createdAt,
    withdrawn_at: null,
  };
}

/** A questionnaire answer stored as its total only (no answers, no band), as trend and early-warning tests and benchmarks need it. */
export function totalOnlyResponseRow(response: { participantId: string; enrolmentId: string; groupId: string; code: string; total: number; submittedAt: string }) {
  return {
    id: newId(),
    participant_id: response.participantId,
    enrolment_id: response.enrolmentId,
    group_id: response.groupId,
    request_id: null,
    instrument_code: response.code,
    instrument_version: 1,
    answers: '{}',
    total: response.total,
    band: null,
    caseness: 0,
    prorated: 0,
    idempotency_key: newId(),
    submitted_at: response.submittedAt,
  };
}
