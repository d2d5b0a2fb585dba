import type { GroupSession } from '../../../shared/schemas/sessions.js';

/** A session row as the API shows it. */
export function presentSession(
  row: {
    id: string;
    group_id: string;
    starts_at: string;
    ends_at: string;
    topic: string;
    status: GroupSession['status'];
    cancel_reason: string | null;
    origin: GroupSession['origin'];
    note_status: 'draft' | 'signed' | null;
  },
  timezone: string,
  numbers: Map<string, number>,
): GroupSession {
  return {
    id: row.id,
    groupId: row.group_id,
    number: numbers.get(row.id) ?? null,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timezone,
    topic: row.topic,
    status: row.status,
    cancelReason: row.cancel_reason,
    origin: row.origin,
    hasNote: row.note_status !== null,
    noteStatus: row.note_status,
  };
}
