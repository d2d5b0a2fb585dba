import type { z } from 'zod';
import type { AdminUser, Me, invitationInfoSchema, invitationIssuedSchema, mfaSetupSchema, sessionListSchema } from '../../shared/schemas/auth';
import type { AuditEvent, auditPageSchema } from '../../shared/schemas/audit';
import type { Role } from '../../shared/schemas/common';
import type { GroupDetail, groupListSchema, groupSummarySchema } from '../../shared/schemas/groups';

/** Response types of the API, inferred from the shared zod schemas (types only: no zod in the bundle). */
export type { AdminUser, AuditEvent, GroupDetail, Me, Role };
export type UserStatus = AdminUser['status'];
export type MfaSetup = z.infer<typeof mfaSetupSchema>;
export type SessionList = z.infer<typeof sessionListSchema>;
export type SignInSession = SessionList['sessions'][number];
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;
export type InvitationIssued = z.infer<typeof invitationIssuedSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type GroupList = z.infer<typeof groupListSchema>;
export type GroupSummary = z.infer<typeof groupSummarySchema>;
