import type { DbOrTx } from '../../db/database.js';
import { endUserSessions } from '../auth/sessions-repository.js';

/** Clears a user's authenticator and recovery codes and ends their sessions (they enrol again at next sign-in). */
export async function resetMfa(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ mfa_enabled: 0, mfa_secret: null, mfa_last_step: null, updated_at: now.toISOString() }).where('id', '=', userId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await endUserSessions(db, userId, 'mfa_reset', now);
}
