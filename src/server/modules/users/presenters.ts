import type { UsersTable } from '../../db/schema.js';
import type { AdminUser } from '../../../shared/schemas/auth.js';

/** An account as administrators see it: never password or MFA material. */
export function presentAdminUser(row: UsersTable): AdminUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    mfaEnabled: row.mfa_enabled === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}
