import { z } from 'zod';
import { mailDeliverySchema } from './auth.js';
import { claimDetailsSchema } from './billing.js';
import { displayNameSchema, emailSchema, idSchema, text, timestampSchema } from './common.js';
import { contactPatchSchema } from './contacts.js';
import { agreementSchema } from './programmes.js';
import { attendanceStatusSchema } from './sessions.js';

export const referralStatusSchema = z.enum(['referred', 'not_suitable', 'waitlisted', 'offered', 'declined', 'expired', 'enrolled', 'withdrawn']);

export const referralSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  groupName: z.string(),
  personName: z.string(),
  personEmail: z.string(),
  reason: z.string(),
  status: referralStatusSchema,
  referredBy: z.object({ id: idSchema, displayName: z.string() }),
  suitability: z.enum(['suitable', 'not_suitable']).nullable(),
  intakeNotes: z.string().nullable(),
  screenedAt: timestampSchema.nullable(),
  priority: z.number().int(),
  waitlistPosition: z.number().int().nullable(),
  waitlistedAt: timestampSchema.nullable(),
  offeredAt: timestampSchema.nullable(),
  offerExpiresAt: timestampSchema.nullable(),
  respondedAt: timestampSchema.nullable(),
  outcomeReason: z.string().nullable(),
  enrolmentId: idSchema.nullable(),
  /** The local record number under its FHIR identifier system (HEARTH_RECORD_NUMBER_SYSTEM); null when none was entered. */
  recordNumber: z.object({ system: z.string(), value: z.string() }).nullable(),
  createdAt: timestampSchema,
});
export type Referral = z.infer<typeof referralSchema>;
/** GET /api/referrals/mine and /api/groups/:groupId/referrals. */
export const referralListSchema = z.object({ referrals: z.array(referralSchema) });
export type ReferralList = z.infer<typeof referralListSchema>;

/** A group that takes referrals (GET /api/referral-targets). */
export const referralTargetSchema = z.object({ id: z.uuid(), name: z.string(), programmeName: z.string(), kind: z.enum(['closed', 'open']), status: z.string() });
export type ReferralTarget = z.infer<typeof referralTargetSchema>;
export const referralTargetListSchema = z.object({ groups: z.array(referralTargetSchema) });
export type ReferralTargetList = z.infer<typeof referralTargetListSchema>;

/** Longest reason a clinician may give when referring someone, and the referred person's name. */
export const REFERRAL_REASON_MAX = 4000;
export const REFERRAL_NAME_MAX = 120;
/** Longest name a person chooses for the group when accepting an offer, and reason for declining it. */
export const OFFER_PSEUDONYM_MAX = 100;
export const OFFER_DECLINE_REASON_MAX = 1000;

export const referralBodySchema = z.strictObject({
  groupId: idSchema,
  personName: displayNameSchema(REFERRAL_NAME_MAX),
  personEmail: emailSchema,
  reason: text(REFERRAL_REASON_MAX),
  /** How to reach the person, entered at referral (phones checked as for the record). */
  contact: contactPatchSchema.optional(),
  /**
   * The local record number under the service's identifier system (HEARTH_RECORD_NUMBER_SYSTEM),
   * e.g. an NHS number (checked: 10 digits and its check digit; 422 invalid_identifier otherwise).
   */
  recordNumber: z.string().max(64).optional(),
});

export type ReferralBody = z.input<typeof referralBodySchema>;

export const intakeBodySchema = z.strictObject({
  suitable: z.boolean(),
  notes: text(8000),
  priority: z.number().int().min(0).max(10).default(0),
  /** Contact details confirmed or added at intake. */
  contact: contactPatchSchema.optional(),
  /** The record number confirmed or corrected at intake (checked as at referral). */
  recordNumber: z.string().max(64).optional(),
});

export const offerBodySchema = z.strictObject({
  expiresInDays: z.number().int().min(1).max(30).default(7),
  /** Required when offering to someone who is not first on the waitlist. */
  skipReason: text(1000).optional(),
});

export const offerResponseBodySchema = z.discriminatedUnion('accept', [
  z.strictObject({ accept: z.literal(true), pseudonym: z.string().min(1).max(OFFER_PSEUDONYM_MAX) }),
  z.strictObject({ accept: z.literal(false), reason: text(OFFER_DECLINE_REASON_MAX) }),
]);

export const offerAcceptedSchema = z.object({
  referral: referralSchema,
  /** The new enrolment when the offer was accepted; null when declined. */
  enrolmentId: idSchema.nullable(),
  /** A set-password link when a new account was created; null when the person already had one. */
  inviteUrl: z.string().nullable(),
  /** How the set-password link's e-mail leaves (null without a new account). */
  mail: mailDeliverySchema.nullable(),
});

/** The token of an offer link (from the link's fragment). */
export const offerLinkTokenBodySchema = z.strictObject({ token: z.string().min(20).max(100) });

/** What an offer link shows before the person answers; `state` says whether it can still be answered. */
export const offerLinkInfoSchema = z.object({
  state: z.enum(['open', 'accepted', 'declined', 'expired', 'closed']),
  personName: z.string(),
  groupName: z.string(),
  firstSessionAt: timestampSchema.nullable(),
  expiresAt: timestampSchema,
  serviceName: z.string(),
});

export const offerLinkAnswerBodySchema = z.discriminatedUnion('accept', [
  z.strictObject({ token: z.string().min(20).max(100), accept: z.literal(true), pseudonym: z.string().min(1).max(OFFER_PSEUDONYM_MAX) }),
  z.strictObject({ token: z.string().min(20).max(100), accept: z.literal(false), reason: text(OFFER_DECLINE_REASON_MAX).optional() }),
]);

export const offerLinkAnsweredSchema = z.object({
  answer: z.enum(['accepted', 'declined']),
  /** For someone new to the service: the link to choose a password (also e-mailed to them). */
  inviteUrl: z.string().nullable(),
  /** How that link's e-mail leaves: `outbox` when the service has no mail server (null without a new account). */
  mail: mailDeliverySchema.nullable(),
});

export const enrolmentStatusBodySchema = z.strictObject({
  status: z.enum(['active', 'paused', 'withdrawn', 'completed']),
  reason: text(1000),
});

export const enrolmentSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  groupName: z.string(),
  pseudonym: z.string(),
  status: z.enum(['invited', 'active', 'paused', 'completed', 'withdrawn']),
  joinedAt: timestampSchema.nullable(),
  leftAt: timestampSchema.nullable(),
  statusReason: z.string().nullable(),
  agreementVersion: z.number().int().nullable(),
  agreementAcceptedAt: timestampSchema.nullable(),
});

/** One of my enrolments (GET /api/me/enrolments), with the agreement version now in force. */
export const myEnrolmentSchema = enrolmentSchema.extend({ currentAgreementVersion: z.number().int().nullable() });
export type MyEnrolment = z.infer<typeof myEnrolmentSchema>;
export const myEnrolmentListSchema = z.object({ enrolments: z.array(myEnrolmentSchema) });
export type MyEnrolmentList = z.infer<typeof myEnrolmentListSchema>;

/** GET /api/enrolments/:enrolmentId/agreement: the agreement to accept and the version already accepted. */
export const agreementStateSchema = z.object({ agreement: agreementSchema.nullable(), acceptedVersion: z.number().int().nullable(), acceptedAt: z.string().nullable() });
export type AgreementState = z.infer<typeof agreementStateSchema>;

export const agreementAcceptBodySchema = z.strictObject({ version: z.number().int().min(1) });

export const recordSchema = z.object({
  enrolment: enrolmentSchema,
  person: z.object({ id: idSchema, displayName: z.string(), email: z.string() }),
  timezone: z.string(),
  attendanceRate: z.number().nullable(),
  missedInRow: z.number().int(),
  attendance: z.array(z.object({ sessionId: idSchema, startsAt: timestampSchema, topic: z.string(), status: attendanceStatusSchema, minutes: z.number().int().nullable() })),
  notes: z.array(
    z.object({
      sessionId: idSchema,
      startsAt: timestampSchema,
      topic: z.string(),
      body: z.string(),
      noteStatus: z.enum(['draft', 'signed']),
      signedAt: timestampSchema.nullable(),
    }),
  ),
  referral: referralSchema.nullable(),
  /** Record number, date of birth and diagnosis code, for the group's clinicians (a participant has no record access). */
  claim: claimDetailsSchema,
});
export type ParticipantRecord = z.infer<typeof recordSchema>;
