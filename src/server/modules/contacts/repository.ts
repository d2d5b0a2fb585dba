import type { DbOrTx } from '../../db/database.js';

/** Whose contact details: a participant's, or a referred person's before they have an account. */
export type ContactOwner = { participantId: string } | { referralId: string };

function ownerColumn(owner: ContactOwner) {
  return 'participantId' in owner ? (['participant_id', owner.participantId] as const) : (['referral_id', owner.referralId] as const);
}

/** The stored row with who last changed it, or undefined when nothing was recorded. */
export function findContactRow(db: DbOrTx, owner: ContactOwner) {
  const [column, id] = ownerColumn(owner);
  return db
    .selectFrom('participant_contacts as c')
    .innerJoin('users as u', 'u.id', 'c.updated_by')
    .selectAll('c')
    .select(['u.display_name as updated_by_name', 'u.role as updated_by_role'])
    .where(`c.${column}`, '=', id)
    .executeTakeFirst();
}

export type ContactRow = NonNullable<Awaited<ReturnType<typeof findContactRow>>>;

/** Moves a referral's details to the person's account when they have none of their own yet. */
export async function claimReferralContacts(db: DbOrTx, referralId: string, participantId: string): Promise<boolean> {
  const own = await db.selectFrom('participant_contacts').select('id').where('participant_id', '=', participantId).executeTakeFirst();
  if (own) return false;
  const result = await db.updateTable('participant_contacts').set({ participant_id: participantId, referral_id: null }).where('referral_id', '=', referralId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
