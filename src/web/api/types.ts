import type { z } from 'zod';
import type { AdminUser, Me, invitationInfoSchema, invitationIssuedSchema, mfaSetupSchema, sessionListSchema } from '../../shared/schemas/auth';
import type { AuditEvent, auditPageSchema } from '../../shared/schemas/audit';
import type { Role } from '../../shared/schemas/common';
import type { GroupDetail, groupListSchema, groupSummarySchema } from '../../shared/schemas/groups';
import type { Note, noteEnvelopeSchema, noteVersionSchema } from '../../shared/schemas/notes';
import type {
  AgreementState,
  MyEnrolment,
  ParticipantRecord,
  Referral,
  ReferralTarget,
  offerAcceptedSchema,
  offerLinkAnsweredSchema,
  offerLinkInfoSchema,
} from '../../shared/schemas/pathway';
import type { CalendarFeedStatus, CalendarPreferences } from '../../shared/schemas/calendar';
import type { AppNotification, NotificationList } from '../../shared/schemas/notifications';
import type { Agreement } from '../../shared/schemas/programmes';
import type { AttendanceStatus, GroupSession, sessionDetailSchema, upcomingSessionSchema } from '../../shared/schemas/sessions';

/** Response types of the API, inferred from the shared zod schemas (types only: no zod in the bundle). */
export type {
  AdminUser,
  Agreement,
  AgreementState,
  AppNotification,
  AttendanceStatus,
  AuditEvent,
  CalendarFeedStatus,
  CalendarPreferences,
  GroupDetail,
  GroupSession,
  Me,
  MyEnrolment,
  Note,
  NotificationList,
  ParticipantRecord,
  Referral,
  ReferralTarget,
  Role,
};
export type UserStatus = AdminUser['status'];
export type MfaSetup = z.infer<typeof mfaSetupSchema>;
export type SessionList = z.infer<typeof sessionListSchema>;
export type SignInSession = SessionList['sessions'][number];
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;
export type InvitationIssued = z.infer<typeof invitationIssuedSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type GroupList = z.infer<typeof groupListSchema>;
export type GroupSummary = z.infer<typeof groupSummarySchema>;
export type GroupMember = GroupDetail['members'][number];
export type EnrolmentStatus = GroupMember['status'];
export type SessionDetail = z.infer<typeof sessionDetailSchema>;
export type RosterEntry = SessionDetail['roster'][number];
export type UpcomingSession = z.infer<typeof upcomingSessionSchema>;
export type NoteEnvelope = z.infer<typeof noteEnvelopeSchema>;
export type NoteVersion = z.infer<typeof noteVersionSchema>;
export type ReferralStatus = Referral['status'];
export type OfferAnswer = z.infer<typeof offerAcceptedSchema>;
export type OfferLinkInfo = z.infer<typeof offerLinkInfoSchema>;
export type OfferLinkAnswered = z.infer<typeof offerLinkAnsweredSchema>;
