import type { Insertable } from 'kysely';
import type { Db } from '../../src/server/db/database.js';
import type { AttendanceStatus, DB } from '../../src/server/db/schema.js';
import { newId } from '../../src/server/lib/ids.js';
import { hashPassword } from '../../src/server/modules/auth/passwords.js';
import { createAccount, type BenchAccount } from './hearth.js';
import { totalOnlyResponseRow } from '../../src/server/testing/rows.js';
import { benchUserRow, insertInChunks, mulberry32 } from './group-history.js';

/** The size of the service `buildConnectionHistory` creates (issue 14: 500 groups × 12 members, a year). */
export interface ConnectionShape {
  groups: number;
  members: number;
  weeks: number;
}

export interface ConnectionHistory {
  /** Lead of group 0 (and of every 40th group), with a password. */
  lead: BenchAccount;
  groupId: string;
  rows: Record<string, number>;
  seconds: number;
}

const DAY_MS = 86_400_000;
const PSEUDONYMS = ['Alder', 'Birch', 'Cedar', 'Dune', 'Ember', 'Fern', 'Grove', 'Harbour', 'Iris', 'Juniper', 'Kestrel', 'Linden', 'Meadow', 'Nettle'];

/** The tables the history fills besides users, in the order they are written (parents first). */
export const HISTORY_TABLES = [
  'therapy_groups',
  'group_facilitators',
  'enrolments',
  'group_sessions',
  'attendance',
  'space_posts',
  'appreciations',
  'appreciation_recipients',
  'feedback_items',
  'strategies',
  'strategy_marks',
  'measure_responses',
  'space_read_markers',
] as const satisfies readonly (keyof DB)[];

/**
 * A service of active groups, each a year old with weekly held sessions, every member's
 * attendance, and a year of the acts the early warning and the connection map read: chat
 * messages (some answering another member's), appreciations, feedback requests and replies,
 * strategies and "helped" marks, read markers, and a PHQ-9 and ONS loneliness answer every four
 * weeks. In every fifth group one member drifts away over the last five weeks (absent, silent,
 * unread). Rows go in with multi-row INSERTs (not through the API); seeded, so the same each run.
 */
export async function buildConnectionHistory(db: Db, shape: ConnectionShape, now = new Date()): Promise<ConnectionHistory> {
  const started = performance.now();
  const random = mulberry32(20261205);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const rows: Record<string, number> = {};
  const lead = await createAccount(db, 'clinician');
  const passwordHash = await hashPassword(`bench-unused-${newId()}`);
  const longAgo = new Date(now.getTime() - 2 * 365 * DAY_MS).toISOString();
  const users: Insertable<DB['users']>[] = [];
  const user = (role: 'clinician' | 'participant', name: string) => {
    const row = benchUserRow({ role, n: users.length, name, passwordHash, at: longAgo });
    users.push(row);
    return row.id;
  };
  const clinicians = [lead.id, ...Array.from({ length: 39 }, (_, i) => user('clinician', `Clinician ${i + 1}`))];
  const programmeId = newId();
  await db.insertInto('programmes').values({ id: programmeId, name: 'The Power of Connection', description: 'Twelve sessions.', created_at: longAgo }).execute();

  const t: { [K in keyof DB]?: Insertable<DB[K]>[] } = {};
  const push = <K extends keyof DB>(table: K, row: Insertable<DB[K]>) => ((t[table] ??= [] as never) as Insertable<DB[K]>[]).push(row);
  const at = (ms: number) => new Date(ms).toISOString();
  const startMs = now.getTime() - shape.weeks * 7 * DAY_MS;
  let groupId0 = '';
  for (let g = 0; g < shape.groups; g++) {
    const groupId = newId();
    if (g === 0) groupId0 = groupId;
    const leadId = clinicians[g % clinicians.length]!;
    push('therapy_groups', {
      id: groupId,
      programme_id: programmeId,
      name: `Group ${String(g).padStart(3, '0')}`,
      status: 'active',
      created_at: at(startMs - 14 * DAY_MS),
      kind: 'open',
      capacity: 12,
      min_size: 4,
      rrule: null,
      timezone: 'Europe/London',
      first_session_local: null,
      duration_minutes: 90,
      location: 'Room 1',
      meeting_url: null,
      updated_at: at(startMs),
    });
    push('group_facilitators', { group_id: groupId, user_id: leadId, facilitator_role: 'lead' });
    const members = Array.from({ length: shape.members }, (_, m) => {
      const participantId = user('participant', `Participant ${users.length}`);
      const enrolmentId = newId();
      push('enrolments', {
        id: enrolmentId,
        group_id: groupId,
        participant_id: participantId,
        pseudonym: PSEUDONYMS[m % PSEUDONYMS.length]!,
        status: 'active',
        joined_at: at(startMs - 7 * DAY_MS),
        left_at: null,
        created_at: at(startMs - 14 * DAY_MS),
        referral_id: null,
        status_reason: null,
        status_changed_at: null,
        agreement_version: null,
        agreement_accepted_at: null,
      });
      return { participantId, enrolmentId, phq9: 6 + Math.floor(random() * 12), lonely: 1 + Math.floor(random() * 5) };
    });
    const drifter = g % 5 === 0 ? members[members.length - 1]! : null;
    const messages: { id: string; author: string }[] = [];
    const strategies: { id: string; author: string }[] = [];
    const marked = new Set<string>();
    const lastRead = new Map<string, number>();
    let seq = 0;
    for (let week = 0; week < shape.weeks; week++) {
      const sessionMs = startMs + week * 7 * DAY_MS + 18 * 3_600_000;
      const sessionId = newId();
      push('group_sessions', {
        id: sessionId,
        group_id: groupId,
        starts_at: at(sessionMs),
        ends_at: at(sessionMs + 90 * 60_000),
        plan_id: null,
        topic: 'Connection',
        status: 'held',
        origin: 'manual',
        cancel_reason: null,
        created_at: at(startMs),
        updated_at: at(sessionMs),
        original_starts_at: null,
      });
      const drifting = (m: (typeof members)[number]) => m === drifter && week >= shape.weeks - 5;
      for (const m of members) {
        const roll = random();
        const status: AttendanceStatus = drifting(m) ? 'absent' : roll < 0.84 ? 'present' : roll < 0.9 ? 'late' : roll < 0.93 ? 'left_early' : roll < 0.97 ? 'excused' : 'absent';
        push('attendance', {
          session_id: sessionId,
          enrolment_id: m.enrolmentId,
          status,
          minutes: status === 'late' ? 10 : null,
          recorded_by: leadId,
          recorded_at: at(sessionMs + 90 * 60_000),
        });
        if (drifting(m)) continue;
        const dayMs = (offset: number) => sessionMs + offset * DAY_MS + Math.floor(random() * 3_600_000);
        lastRead.set(m.participantId, dayMs(2));
        if (random() < 0.6) {
          seq += 1;
          const answering = messages.length > 0 && random() < 0.4 ? pick(messages.slice(-20)) : null;
          const id = newId();
          push('space_posts', {
            id,
            group_id: groupId,
            thread_id: null,
            kind: 'message',
            seq,
            version_seq: seq,
            author_id: m.participantId,
            enrolment_id: m.enrolmentId,
            author_role: 'participant',
            client_id: null,
            body: 'Thinking of you all this week.',
            reply_to_id: answering && answering.author !== m.participantId ? answering.id : null,
            moderation_status: 'published',
            moderation_reasons: null,
            status_reason: null,
            created_at: at(dayMs(1)),
            edited_at: null,
            removed_at: null,
            removed_by: null,
          });
          messages.push({ id, author: m.participantId });
        }
        if (random() < 0.25) {
          const peer = pick(members.filter((p) => p !== m && !drifting(p)));
          const id = newId();
          push('appreciations', {
            id,
            group_id: groupId,
            sender_enrolment_id: m.enrolmentId,
            sender_id: m.participantId,
            session_id: sessionId,
            body: 'Thank you for what you said tonight.',
            moderation_status: 'published',
            created_at: at(dayMs(0)),
          });
          push('appreciation_recipients', { appreciation_id: id, recipient_enrolment_id: peer.enrolmentId, recipient_id: peer.participantId, created_at: at(dayMs(0)) });
        }
        if (random() < 0.05) {
          const id = newId();
          push('feedback_items', {
            id,
            group_id: groupId,
            parent_id: null,
            enrolment_id: m.enrolmentId,
            author_id: m.participantId,
            body: 'How do I come across when I disagree?',
            moderation_status: 'published',
            created_at: at(dayMs(1)),
          });
          if (random() < 0.7) {
            const peer = pick(members.filter((p) => p !== m && !drifting(p)));
            push('feedback_items', {
              id: newId(),
              group_id: groupId,
              parent_id: id,
              enrolment_id: peer.enrolmentId,
              author_id: peer.participantId,
              body: 'Clear and kind.',
              moderation_status: 'published',
              created_at: at(dayMs(2)),
            });
          }
        }
        if (random() < 0.03) {
          const id = newId();
          push('strategies', {
            id,
            group_id: groupId,
            enrolment_id: m.enrolmentId,
            author_id: m.participantId,
            title: 'A walk at lunch',
            when_helps: 'Low afternoons',
            steps: 'Out of the door, ten minutes.',
            moderation_status: 'published',
            created_at: at(dayMs(1)),
            updated_at: at(dayMs(1)),
          });
          strategies.push({ id, author: m.participantId });
        }
        const theirs = strategies.filter((s) => s.author !== m.participantId && !marked.has(`${s.id} ${m.enrolmentId}`));
        if (theirs.length > 0 && random() < 0.1) {
          const s = pick(theirs);
          marked.add(`${s.id} ${m.enrolmentId}`);
          push('strategy_marks', { strategy_id: s.id, enrolment_id: m.enrolmentId, state: random() < 0.7 ? 'helped' : 'try', created_at: at(dayMs(3)), updated_at: at(dayMs(3)) });
        }
        if (week % 4 === 0) {
          for (const [code, total] of [
            ['phq-9', Math.max(0, m.phq9 - Math.floor(week / 8) + Math.floor(random() * 3) - 1)],
            ['ons-loneliness', Math.max(1, m.lonely - Math.floor(week / 20))],
          ] as const) {
            push('measure_responses', totalOnlyResponseRow({ participantId: m.participantId, enrolmentId: m.enrolmentId, groupId, code, total, submittedAt: at(dayMs(0)) }));
          }
        }
      }
    }
    for (const m of members) {
      const readMs = lastRead.get(m.participantId);
      if (readMs !== undefined)
        push('space_read_markers', { user_id: m.participantId, group_id: groupId, thread_key: 'chat', last_seq: seq, updated_at: at(Math.min(readMs, now.getTime())) });
    }
  }
  rows.users = await insertInChunks(db, 'users', users);
  for (const table of HISTORY_TABLES) rows[table] = await insertInChunks(db, table, (t[table] ?? []) as never);
  return { lead, groupId: groupId0, rows, seconds: (performance.now() - started) / 1000 };
}
