import { CONTACT_FIELD_LABELS, type ContactField, type ContactPatch } from '../../../shared/schemas/contacts.js';
import type { ParticipantContactsTable } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { toE164 } from '../../lib/phone.js';
import { assertCan, assertWritable } from '../../policy/policy.js';
import { findContactRow, type ContactOwner } from './repository.js';

type Columns = Partial<Omit<ParticipantContactsTable, 'id' | 'participant_id' | 'referral_id' | 'created_at' | 'updated_at' | 'updated_by'>>;

const TEXT_COLUMNS = {
  preferredTimes: 'preferred_times',
  emergencyName: 'emergency_name',
  emergencyRelation: 'emergency_relation',
  gpPractice: 'gp_practice',
  gpName: 'gp_name',
  gpAddress: 'gp_address',
  contactRiskNote: 'contact_risk_note',
} as const;
const PHONE_COLUMNS = { mobilePhone: 'mobile_phone', homePhone: 'home_phone', emergencyPhone: 'emergency_phone', gpPhone: 'gp_phone' } as const;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Every phone number of the change in E.164; refuses the whole change, naming each bad field, when one is not valid. */
function phoneColumns(ctx: UseCaseContext, patch: ContactPatch): Columns {
  const { serviceCountry, nodeEnv } = ctx.hearth.config;
  const columns: Columns = {};
  const bad: ContactField[] = [];
  for (const [field, column] of Object.entries(PHONE_COLUMNS) as [keyof typeof PHONE_COLUMNS, (typeof PHONE_COLUMNS)[keyof typeof PHONE_COLUMNS]][]) {
    const typed = patch[field];
    if (typed === undefined) continue;
    if (typed === null) {
      columns[column] = null;
      continue;
    }
    const e164 = toE164(typed, { country: serviceCountry, allowFictional: nodeEnv !== 'production' });
    if (e164) columns[column] = e164;
    else bad.push(field);
  }
  if (bad.length) {
    const names = bad.map((f) => CONTACT_FIELD_LABELS[f]).join(' and ');
    throw new AppError(
      'invalid_phone',
      `${capitalised(names)} ${bad.length > 1 ? 'are not valid phone numbers' : 'is not a valid phone number'} for ${serviceCountry}. Write it as it is dialled in ${serviceCountry}, or start with + and the country code. Nothing was saved.`,
      bad.map((f) => ({ path: `body.${f}`, message: `Not a valid phone number for ${serviceCountry}.` })),
    );
  }
  return columns;
}

/**
 * Changes some of a person's contact details (fields left out stay as they are, null clears).
 * Who may set which field is the `contact` rule's; phone numbers are checked before anything is
 * written. Consent to contact the emergency contact keeps the time it was given or withdrawn.
 */
export async function saveContactDetails(ctx: UseCaseContext, owner: ContactOwner, patch: ContactPatch): Promise<void> {
  const rule = assertCan(ctx.principal, 'contact', 'update');
  const fields = (Object.keys(patch) as ContactField[]).filter((f) => patch[f] !== undefined);
  assertWritable(rule, fields, CONTACT_FIELD_LABELS);
  if (!fields.length) return;
  const columns: Columns = phoneColumns(ctx, patch);
  for (const [field, column] of Object.entries(TEXT_COLUMNS) as [keyof typeof TEXT_COLUMNS, (typeof TEXT_COLUMNS)[keyof typeof TEXT_COLUMNS]][]) {
    if (patch[field] !== undefined) columns[column] = patch[field];
  }
  if (patch.preferredMethod !== undefined) columns.preferred_method = patch.preferredMethod;
  const now = ctx.now.toISOString();
  const existing = await findContactRow(ctx.db, owner);
  if (patch.emergencyConsent !== undefined) {
    const consent = patch.emergencyConsent === null ? null : patch.emergencyConsent ? 1 : 0;
    if (consent !== (existing?.emergency_consent ?? null)) {
      columns.emergency_consent = consent;
      columns.emergency_consent_at = consent === null ? null : now;
    }
  }
  if (existing) {
    await ctx.db
      .updateTable('participant_contacts')
      .set({ ...columns, updated_at: now, updated_by: ctx.principal.userId })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await ctx.db
      .insertInto('participant_contacts')
      .values({
        id: newId(),
        participant_id: 'participantId' in owner ? owner.participantId : null,
        referral_id: 'referralId' in owner ? owner.referralId : null,
        ...columns,
        created_at: now,
        updated_at: now,
        updated_by: ctx.principal.userId,
      })
      .execute();
  }
  // Field names only: the values are personal data and stay out of the audit log.
  await ctx.audit({
    action: 'contacts.update',
    resourceType: 'participantId' in owner ? 'participant' : 'referral',
    resourceId: 'participantId' in owner ? owner.participantId : owner.referralId,
    detail: { fields: fields.join(','), by: ctx.principal.role },
  });
}
