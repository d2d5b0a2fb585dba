import type { DbOrTx } from '../../db/database.js';
import { enrolmentAt } from '../../policy/membership.js';
import { sessionLabels } from './sessions.js';

/** A member's current peers in a group (oneself excluded): the people one can appreciate and is shown by pseudonym. */
export function currentPeers(db: DbOrTx, userId: string, groupId: string) {
  return db
    .selectFrom('enrolments')
    .select(['id', 'pseudonym', 'participant_id'])
    .where('group_id', '=', groupId)
    .where(enrolmentAt('contribute', 'status'))
    .where('participant_id', '!=', userId)
    .orderBy('pseudonym')
    .execute();
}

/** Current members one can appreciate (oneself excluded), and the group's recent sessions to refer to. */
export async function peersAndSessions(db: DbOrTx, userId: string, groupId: string, now: Date) {
  const [peers, sessions] = await Promise.all([
    currentPeers(db, userId, groupId),
    db
      .selectFrom('group_sessions')
      .select(['id', 'starts_at'])
      .where('group_id', '=', groupId)
      .where('status', '!=', 'cancelled')
      .where('starts_at', '<=', now.toISOString())
      .orderBy('starts_at', 'desc')
      .limit(12)
      .execute(),
  ]);
  const labels = await sessionLabels(
    db,
    sessions.map((s) => s.id),
  );
  return {
    peers: peers.map((p) => ({ enrolmentId: p.id, pseudonym: p.pseudonym })),
    sessions: sessions.map((s) => ({ id: s.id, label: labels.get(s.id) ?? 'a session', startsAt: s.starts_at })),
  };
}
