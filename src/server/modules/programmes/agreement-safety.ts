import type { DbOrTx } from '../../db/database.js';
import { addAgreementVersion } from './repository.js';

/**
 * After the journal-alert setting changes, every programme whose newest agreement states the
 * other setting gets a new version with the same text and the new statement — so members are
 * asked to read and accept it again (the existing "agreement changed" path), and each version on
 * file says what was true when it was accepted. Returns how many programmes were restated.
 */
export async function restateAgreements(db: DbOrTx, journalAlerts: boolean, userId: string, now: Date): Promise<number> {
  const newest = await db
    .selectFrom('group_agreements as a')
    .select(['a.programme_id', 'a.body', 'a.journal_alerts'])
    .where('a.version', '=', (eb) =>
      eb
        .selectFrom('group_agreements as b')
        .select((b) => b.fn.max('b.version').as('v'))
        .whereRef('b.programme_id', '=', 'a.programme_id'),
    )
    .execute();
  const stale = newest.filter((a) => (a.journal_alerts === 1) !== journalAlerts);
  for (const agreement of stale) await addAgreementVersion(db, agreement.programme_id, agreement.body, userId, now, journalAlerts);
  return stale.length;
}
