import type { Config } from '../config/env.js';
import type { Db } from '../db/database.js';
import { displayNameSchema, emailSchema, roleSchema } from '../../shared/schemas/common.js';
import { recordAudit, type AuditActor } from '../modules/audit/record.js';
import { endUserSessions } from '../modules/auth/sessions-repository.js';
import { invitationUrl, issueInvitation } from '../modules/users/invitations.js';
import { findUserByEmail, insertUser, listUsers } from '../modules/users/repository.js';
import { resetMfa } from '../modules/users/reset-mfa.js';

const CLI_ACTOR: AuditActor = { userId: null, role: 'cli', requestId: null, ip: null };

export class CliError extends Error {}

function origin(config: Config): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CliError(`${what}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  return result.data;
}

async function requireUser(db: Db, email: string) {
  const user = await findUserByEmail(db, email);
  if (!user) throw new CliError(`No account with e-mail ${email}.`);
  return user;
}

/** Creates an admin (the first one, typically) and returns a single-use set-password link. */
export async function createAdmin(db: Db, config: Config, args: { email?: string; name?: string }, now = new Date()): Promise<string> {
  const email = parse(emailSchema, args.email, '--email');
  const name = parse(displayNameSchema(120), args.name, '--name');
  if (await findUserByEmail(db, email)) throw new CliError(`An account with e-mail ${email} already exists.`);
  return db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, { email, displayName: name, role: 'admin', status: 'invited', passwordHash: null, now });
    const { token, expiresAt } = await issueInvitation(trx, { userId: user.id, purpose: 'invite', createdBy: null, now, ttlMs: config.inviteTtlMs });
    await recordAudit(trx, CLI_ACTOR, { action: 'cli.create_admin', resourceType: 'user', resourceId: user.id }, now);
    return `Admin ${email} created. Open this single-use link to set the password (valid until ${expiresAt}):\n${invitationUrl(origin(config), token)}`;
  });
}

/** Ends a user's sessions and returns a single-use password reset link. */
export async function resetPassword(db: Db, config: Config, args: { email?: string }, now = new Date()): Promise<string> {
  const user = await requireUser(db, parse(emailSchema, args.email, '--email'));
  return db.transaction().execute(async (trx) => {
    const purpose = user.status === 'invited' ? 'invite' : 'reset';
    const { token, expiresAt } = await issueInvitation(trx, { userId: user.id, purpose, createdBy: null, now, ttlMs: config.inviteTtlMs });
    await endUserSessions(trx, user.id, 'password_reset', now);
    await recordAudit(trx, CLI_ACTOR, { action: 'cli.reset_password', resourceType: 'user', resourceId: user.id }, now);
    return `Sessions of ${user.email} ended. Set-password link (single use, valid until ${expiresAt}):\n${invitationUrl(origin(config), token)}`;
  });
}

/** Clears a user's authenticator; they enrol again at their next sign-in. */
export async function resetUserMfa(db: Db, args: { email?: string }, now = new Date()): Promise<string> {
  const user = await requireUser(db, parse(emailSchema, args.email, '--email'));
  await db.transaction().execute(async (trx) => {
    await resetMfa(trx, user.id, now);
    await recordAudit(trx, CLI_ACTOR, { action: 'cli.reset_mfa', resourceType: 'user', resourceId: user.id }, now);
  });
  return `Two-step sign-in of ${user.email} was reset; they will set it up again at their next sign-in.`;
}

/** A plain table of accounts, optionally of one role. */
export async function listUsersTable(db: Db, args: { role?: string }): Promise<string> {
  const role = args.role === undefined ? undefined : parse(roleSchema, args.role, '--role');
  const users = await listUsers(db, role ? { role } : {});
  if (users.length === 0) return 'No accounts.';
  const rows = users.map((u) => [u.email, u.display_name, u.role, u.status, u.mfa_enabled ? 'mfa' : '-', u.last_sign_in_at ?? 'never']);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}
