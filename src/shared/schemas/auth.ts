import { z } from 'zod';
import { displayNameSchema, emailSchema, idSchema, mfaStateSchema, roleSchema, timestampSchema } from './common.js';

export const meSchema = z.object({
  user: z.object({
    id: idSchema,
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    mfaEnabled: z.boolean(),
  }),
  session: z.object({
    id: idSchema,
    mfa: mfaStateSchema,
    expiresAt: timestampSchema,
  }),
  csrfToken: z.string(),
  service: z.object({ name: z.string(), demo: z.boolean(), staffMfaRequired: z.boolean(), locale: z.string(), timeZone: z.string() }),
});
export type Me = z.infer<typeof meSchema>;

export const loginBodySchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export const mfaCodeBodySchema = z.strictObject({
  code: z.string().trim().min(6).max(32),
});

export const mfaSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});

export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const passwordChangeBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

export const sessionListSchema = z.object({
  sessions: z.array(
    z.object({
      id: idSchema,
      createdAt: timestampSchema,
      lastSeenAt: timestampSchema,
      userAgent: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
});

export const invitationTokenBodySchema = z.strictObject({ token: z.string().min(20).max(100) });

export const invitationInfoSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  purpose: z.enum(['invite', 'reset']),
});

export const invitationAcceptBodySchema = z.strictObject({
  token: z.string().min(20).max(100),
  password: z.string().min(1).max(1024),
});

export const inviteUserBodySchema = z.strictObject({
  email: emailSchema,
  displayName: displayNameSchema(120),
  role: roleSchema,
});

export const adminUserSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: z.enum(['invited', 'active', 'deactivated']),
  mfaEnabled: z.boolean(),
  createdAt: timestampSchema,
  lastSignInAt: timestampSchema.nullable(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
/** GET /api/admin/users. */
export const adminUserListSchema = z.object({ users: z.array(adminUserSchema) });
export type AdminUserList = z.infer<typeof adminUserListSchema>;

/** How a link's e-mail leaves: over SMTP (`queued`), or kept in the outbox without SMTP settings (`outbox`). */
export const mailDeliverySchema = z.enum(['queued', 'outbox']);

export const invitationIssuedSchema = z.object({
  user: adminUserSchema,
  inviteUrl: z.string(),
  expiresAt: timestampSchema,
  /** The e-mail carrying the link: `outbox` means no mail server is set up, so pass the link on yourself. */
  mail: mailDeliverySchema,
});

/** Asking for a password reset link by e-mail; the answer is the same whether or not the address has an account. */
export const passwordResetRequestBodySchema = z.strictObject({ email: emailSchema });
export const passwordResetRequestedSchema = z.object({ message: z.string() });

export const userListQuerySchema = z.strictObject({
  q: z.string().trim().max(120).optional(),
  role: roleSchema.optional(),
  status: z.enum(['invited', 'active', 'deactivated']).optional(),
});
