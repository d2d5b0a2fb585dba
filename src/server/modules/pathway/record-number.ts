import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { checkRecordNumber } from '../../lib/record-number.js';
import { recordNumberSystem } from '../fhir/base.js';

/** Whose record number: a participant's, or a referred person's before they have an account. */
export type IdentifierOwner = { participantId: string } | { referralId: string };

/** A typed record number, checked for the service's identifier system; 422 invalid_identifier, nothing written, when it fails. */
export function parseRecordNumber(ctx: Pick<UseCaseContext, 'hearth'>, typed: string): { system: string; value: string } {
  const system = recordNumberSystem(ctx.hearth.config);
  const checked = checkRecordNumber(system, typed);
  if (!checked.ok) throw new AppError('invalid_identifier', `${checked.reason} Nothing was saved.`, [{ path: 'body.recordNumber', message: checked.reason }]);
  return { system, value: checked.value };
}

/**
 * Records (or corrects) a person's record number. Refused with 409 identifier_taken when another
 * participant already holds the same number in the same system: one number, one person.
 */
export async function saveRecordNumber(ctx: UseCaseContext, owner: IdentifierOwner, identifier: { system: string; value: string }): Promise<void> {
  const holder = await ctx.db
    .selectFrom('patient_identifiers')
    .select('participant_id')
    .where('system', '=', identifier.system)
    .where('value', '=', identifier.value)
    .where('participant_id', 'is not', null)
    .executeTakeFirst();
  if (holder && !('participantId' in owner && owner.participantId === holder.participant_id)) {
    throw new AppError('identifier_taken', 'This record number already belongs to another person in Hearth. Check it; nothing was saved.', [
      { path: 'body.recordNumber', message: 'Held by another person.' },
    ]);
  }
  const [column, id] = 'participantId' in owner ? (['participant_id', owner.participantId] as const) : (['referral_id', owner.referralId] as const);
  const now = ctx.now.toISOString();
  const existing = await ctx.db.selectFrom('patient_identifiers').select(['id', 'value']).where(column, '=', id).where('system', '=', identifier.system).executeTakeFirst();
  if (existing?.value === identifier.value) return;
  if (existing) {
    await ctx.db.updateTable('patient_identifiers').set({ value: identifier.value, updated_at: now, updated_by: ctx.principal.userId }).where('id', '=', existing.id).execute();
  } else {
    await ctx.db
      .insertInto('patient_identifiers')
      .values({
        id: newId(),
        participant_id: column === 'participant_id' ? id : null,
        referral_id: column === 'referral_id' ? id : null,
        system: identifier.system,
        value: identifier.value,
        created_at: now,
        updated_at: now,
        updated_by: ctx.principal.userId,
      })
      .execute();
  }
  // The system only: the number itself is personal data and stays out of the audit log.
  await ctx.audit({
    action: existing ? 'identifiers.update' : 'identifiers.create',
    resourceType: column === 'participant_id' ? 'participant' : 'referral',
    resourceId: id,
    detail: { system: identifier.system },
  });
}

/**
 * Moves a referral's record numbers to the person's account when they accept a place. A number
 * the account already holds in that system wins only when it is the same; a different one is
 * refused (409 identifier_conflict) so two numbers for one person are never merged silently.
 */
export async function claimReferralIdentifiers(db: DbOrTx, referralId: string, participantId: string): Promise<void> {
  const fromReferral = await db.selectFrom('patient_identifiers').select(['id', 'system', 'value']).where('referral_id', '=', referralId).execute();
  for (const row of fromReferral) {
    const own = await db.selectFrom('patient_identifiers').select(['value']).where('participant_id', '=', participantId).where('system', '=', row.system).executeTakeFirst();
    if (own && own.value !== row.value) {
      throw new AppError('identifier_conflict', 'The record number taken at referral differs from the one on this person’s record. Correct one of them first.');
    }
    if (own) await db.deleteFrom('patient_identifiers').where('id', '=', row.id).execute();
    else await db.updateTable('patient_identifiers').set({ participant_id: participantId, referral_id: null }).where('id', '=', row.id).execute();
  }
}

/** A participant's record numbers, oldest first. */
export function identifiersOf(db: DbOrTx, participantId: string) {
  return db.selectFrom('patient_identifiers').select(['system', 'value']).where('participant_id', '=', participantId).orderBy('created_at').orderBy('system').execute();
}
