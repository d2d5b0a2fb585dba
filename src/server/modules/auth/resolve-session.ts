import type { FastifyRequest } from 'fastify';
import type { AuthState, Hearth } from '../../http/hearth.js';
import { sessionCookieName } from './cookies.js';
import { endSession, findSessionByToken, touchSession } from './sessions-repository.js';

// Writing last_seen_at on every request would turn each read into a write; once a minute is
// precise enough for a 30-minute idle timeout.
const TOUCH_EVERY_MS = 60_000;

/** Resolves the session cookie into the caller, ending sessions past their idle or absolute limit. */
export async function resolveSession(hearth: Hearth, request: FastifyRequest): Promise<AuthState | null> {
  const token = request.cookies[sessionCookieName(hearth.config)];
  if (!token || token.length > 100) return null;
  const row = await findSessionByToken(hearth.db, token);
  if (!row) return null;
  if (row.ended_at) {
    request.sessionProblem = 'expired';
    return null;
  }
  const now = hearth.clock.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  let reason: string | null = null;
  if (now.getTime() >= new Date(row.absolute_expires_at).getTime()) reason = 'absolute_timeout';
  else if (now.getTime() - lastSeen >= hearth.config.sessionIdleMs) reason = 'idle_timeout';
  else if (row.status !== 'active') reason = 'deactivated';
  if (reason) {
    await endSession(hearth.db, row.id, reason, now);
    request.sessionProblem = 'expired';
    return null;
  }
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) await touchSession(hearth.db, row.id, now);
  return {
    principal: { userId: row.user_id, role: row.role, sessionId: row.id },
    session: {
      id: row.id,
      csrfToken: row.csrf_token,
      mfaState: row.mfa_state,
      createdAt: row.created_at,
      absoluteExpiresAt: row.absolute_expires_at,
    },
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      mfaEnabled: row.mfa_enabled === 1,
    },
  };
}
