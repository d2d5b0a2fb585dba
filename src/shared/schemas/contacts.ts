import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.js';

export const contactMethodSchema = z.enum(['phone', 'sms', 'email', 'letter']);
export type ContactMethod = z.infer<typeof contactMethodSchema>;

/** A field left out is unchanged; null clears it. */
const field = (max: number) => text(max).nullable().optional();

/**
 * A change to a member's contact details. Phone numbers are typed as people write them and
 * stored in E.164 (422 invalid_phone when not valid for the service's country). Which role may
 * set which field is policy (`contact` rule, readOnlyFields): GP details and the contact-risk
 * note are clinicians', the emergency contact's consent is the member's.
 */
export const contactPatchSchema = z.strictObject({
  mobilePhone: field(40),
  homePhone: field(40),
  preferredMethod: contactMethodSchema.nullable().optional(),
  /** e.g. "weekday mornings, not after 6pm". */
  preferredTimes: field(120),
  emergencyName: field(120),
  emergencyRelation: field(60),
  emergencyPhone: field(40),
  /** The member's consent to their emergency contact being contacted; the time it was recorded is kept. */
  emergencyConsent: z.boolean().nullable().optional(),
  gpPractice: field(160),
  gpName: field(120),
  gpPhone: field(40),
  gpAddress: field(400),
  contactRiskNote: field(1000),
});
export type ContactPatch = z.infer<typeof contactPatchSchema>;
export type ContactField = keyof ContactPatch;

/** What each field is called in messages people read. */
export const CONTACT_FIELD_LABELS: Record<ContactField, string> = {
  mobilePhone: 'the mobile number',
  homePhone: 'the home number',
  preferredMethod: 'the preferred way to contact',
  preferredTimes: 'the preferred times',
  emergencyName: 'the emergency contact’s name',
  emergencyRelation: 'the emergency contact’s relation',
  emergencyPhone: 'the emergency contact’s number',
  emergencyConsent: 'consent to contact the emergency contact',
  gpPractice: 'the GP practice',
  gpName: 'the GP’s name',
  gpPhone: 'the GP practice’s number',
  gpAddress: 'the GP practice’s address',
  contactRiskNote: 'the note on contact risks',
};

/** A stored number: E.164 for tel:/sms: links, and as shown (national format for the service's country). */
export const phoneSchema = z.object({ e164: z.string(), display: z.string() });
export type Phone = z.infer<typeof phoneSchema>;

export const contactDetailsSchema = z.object({
  /** Null for details taken at referral from someone who has no account yet. */
  participantId: idSchema.nullable(),
  mobilePhone: phoneSchema.nullable(),
  homePhone: phoneSchema.nullable(),
  preferredMethod: contactMethodSchema.nullable(),
  preferredTimes: z.string().nullable(),
  emergencyContact: z.object({
    name: z.string().nullable(),
    relation: z.string().nullable(),
    phone: phoneSchema.nullable(),
    consent: z.boolean().nullable(),
    consentRecordedAt: timestampSchema.nullable(),
  }),
  gp: z.object({ practiceName: z.string().nullable(), name: z.string().nullable(), phone: phoneSchema.nullable(), address: z.string().nullable() }),
  /** Clinicians only (hidden from the member by policy). */
  contactRiskNote: z.string().nullable().optional(),
  updatedAt: timestampSchema.nullable(),
  updatedBy: z.object({ name: z.string(), role: z.enum(['admin', 'clinician', 'participant']) }).nullable(),
});
export type ContactDetails = z.infer<typeof contactDetailsSchema>;

/** What the alert card needs to reach the member at once. */
export const alertContactSchema = z.object({
  participantId: idSchema,
  mobilePhone: phoneSchema.nullable(),
  homePhone: phoneSchema.nullable(),
  preferredMethod: contactMethodSchema.nullable(),
  preferredTimes: z.string().nullable(),
});
export type AlertContact = z.infer<typeof alertContactSchema>;
