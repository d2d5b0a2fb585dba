import { DateTime } from 'luxon';
import { normaliseDiagnosisCode, type ClaimDetails, type ClaimDetailsInput } from '../../../shared/schemas/billing.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { recordNumberSystem } from '../fhir/base.js';
import { parseRecordNumber, saveRecordNumber } from './record-number.js';

/** The claim details of an enrolment: the person's record number (the service's system) and date of birth, the enrolment's diagnosis code. */
export async function claimDetailsOf(db: DbOrTx, enrolment: { id: string; participantId: string }, system: string): Promise<ClaimDetails> {
  const [row, identifier, profile] = await Promise.all([
    db.selectFrom('enrolments').select('diagnosis_code').where('id', '=', enrolment.id).executeTakeFirstOrThrow(),
    db.selectFrom('patient_identifiers').select(['system', 'value']).where('participant_id', '=', enrolment.participantId).where('system', '=', system).executeTakeFirst(),
    db.selectFrom('participant_profiles').select('date_of_birth').where('participant_id', '=', enrolment.participantId).executeTakeFirst(),
  ]);
  return { recordNumber: identifier ?? null, dateOfBirth: profile?.date_of_birth ?? null, diagnosisCode: row.diagnosis_code };
}

/** A date of birth as stored (YYYY-MM-DD), refused with 422 invalid_date_of_birth when it is not a real past date after 1900. */
function checkDateOfBirth(typed: string, now: Date): string {
  const date = DateTime.fromISO(typed, { zone: 'utc' });
  const reason =
    !/^\d{4}-\d{2}-\d{2}$/.test(typed) || !date.isValid
      ? 'Use a real date in the form YYYY-MM-DD.'
      : typed < '1900-01-01' || date.toJSDate() > now
        ? 'A date of birth is between 1900 and today.'
        : null;
  if (reason) throw new AppError('invalid_date_of_birth', `${reason} Nothing was saved.`, [{ path: 'body.dateOfBirth', message: reason }]);
  return typed;
}

/**
 * Records the claim details of an enrolment (fields left out are kept, null clears). Every field is
 * checked before anything is written: an ICD-10 code by format (422 invalid_diagnosis_code), the
 * date of birth (422 invalid_date_of_birth), the record number by its system (422
 * invalid_identifier, 409 identifier_taken). Audited with the fields changed, never their values.
 */
export async function updateClaimDetails(ctx: UseCaseContext, enrolmentId: string, input: ClaimDetailsInput): Promise<ClaimDetails> {
  const enrolment = await ctx.db.selectFrom('enrolments').select(['id', 'participant_id', 'group_id']).where('id', '=', enrolmentId).executeTakeFirstOrThrow();
  let diagnosisCode: string | null | undefined;
  if (typeof input.diagnosisCode === 'string' && input.diagnosisCode.trim() !== '') {
    diagnosisCode = normaliseDiagnosisCode(input.diagnosisCode);
    if (!diagnosisCode) {
      const reason = 'An ICD-10 code is a letter, two digits, then optionally a full stop and up to four letters or digits (e.g. F41.1).';
      throw new AppError('invalid_diagnosis_code', `${reason} Nothing was saved.`, [{ path: 'body.diagnosisCode', message: reason }]);
    }
  } else if (input.diagnosisCode !== undefined) diagnosisCode = null;
  const dateOfBirth =
    typeof input.dateOfBirth === 'string' && input.dateOfBirth !== '' ? checkDateOfBirth(input.dateOfBirth.trim(), ctx.now) : input.dateOfBirth === undefined ? undefined : null;
  const recordNumber =
    typeof input.recordNumber === 'string' && input.recordNumber.trim() !== '' ? parseRecordNumber(ctx, input.recordNumber) : input.recordNumber === undefined ? undefined : null;

  const now = ctx.now.toISOString();
  if (diagnosisCode !== undefined) await ctx.db.updateTable('enrolments').set({ diagnosis_code: diagnosisCode }).where('id', '=', enrolmentId).execute();
  if (dateOfBirth !== undefined) {
    const values = { date_of_birth: dateOfBirth, updated_at: now, updated_by: ctx.principal.userId };
    await ctx.db
      .insertInto('participant_profiles')
      .values({ participant_id: enrolment.participant_id, ...values })
      .onConflict((oc) => oc.column('participant_id').doUpdateSet(values))
      .execute();
  }
  const system = recordNumberSystem(ctx.hearth.config);
  if (recordNumber) await saveRecordNumber(ctx, { participantId: enrolment.participant_id }, recordNumber);
  else if (recordNumber === null) await ctx.db.deleteFrom('patient_identifiers').where('participant_id', '=', enrolment.participant_id).where('system', '=', system).execute();
  const fields = Object.entries(input)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  await ctx.audit({
    action: 'records.claim_details.update',
    resourceType: 'enrolment',
    resourceId: enrolmentId,
    groupId: enrolment.group_id,
    detail: { fields: fields.join(',') },
  });
  return claimDetailsOf(ctx.db, { id: enrolmentId, participantId: enrolment.participant_id }, system);
}
