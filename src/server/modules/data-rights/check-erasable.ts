import type { DbOrTx } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import type { ErasureSubject } from './erasure-plan.js';

/**
 * Who may be erased, checked before anything is counted or changed: a participant account of
 * this service (Hearth runs one service per installation, so every account is the
 * administrator's), not erased before. Staff accounts are refused: their names stay on the
 * records they signed, recorded and decided; deactivate them instead.
 */
export async function checkErasable(db: DbOrTx, userId: string, adminId: string, now: Date): Promise<ErasureSubject & { displayName: string }> {
  const user = await db.selectFrom('users').select(['id', 'role', 'display_name']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('This person');
  if (user.role !== 'participant') {
    throw new AppError('erasure_not_supported', 'Erasure is for participants. A staff account is deactivated instead: its name stays on the records it signed and recorded.');
  }
  const done = await db.selectFrom('erasure_requests').select('created_at').where('user_id', '=', userId).executeTakeFirst();
  if (done) throw new AppError('already_erased', `This person’s data was already erased on ${done.created_at.slice(0, 10)}. Its report stays available.`);
  const [enrolments, referrals] = await Promise.all([
    db.selectFrom('enrolments').select('id').where('participant_id', '=', userId).execute(),
    db.selectFrom('referrals').select('id').where('participant_id', '=', userId).execute(),
  ]);
  return {
    userId,
    displayName: user.display_name,
    enrolmentIds: enrolments.map((e) => e.id),
    referralIds: referrals.map((r) => r.id),
    adminId,
    now: now.toISOString(),
  };
}
