import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import type { Role, UserStatus } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

export function findUserById(db: DbOrTx, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: DbOrTx, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

/** Accounts filtered by role, status and a case-insensitive match on name or e-mail. */
export function listUsers(db: DbOrTx, filter: { q?: string; role?: Role; status?: UserStatus }) {
  let query = db.selectFrom('users').selectAll().orderBy('display_name').orderBy('id').limit(1000);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) {
    // lower() + LIKE behaves the same on SQLite and PostgreSQL (no ILIKE); wildcards in the input are escaped.
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`(lower(display_name) like ${pattern} escape '\\' or lower(email) like ${pattern} escape '\\')`);
  }
  return query.execute();
}

export async function insertUser(db: DbOrTx, input: { email: string; displayName: string; role: Role; status: UserStatus; passwordHash: string | null; now: Date }) {
  const now = input.now.toISOString();
  const row = {
    id: newId(),
    email: input.email.toLowerCase(),
    display_name: input.displayName,
    role: input.role,
    status: input.status,
    password_hash: input.passwordHash,
    mfa_secret: null,
    mfa_enabled: 0,
    mfa_last_step: null,
    created_at: now,
    updated_at: now,
    last_sign_in_at: null,
    password_changed_at: input.passwordHash ? now : null,
    mobile_e164: null,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}
