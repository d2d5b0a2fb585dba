import type { z } from 'zod';
import type { meSchema } from '../../../shared/schemas/auth.js';
import type { AuthState, Hearth } from '../../http/hearth.js';

/** The caller's own view of their account and session. */
export function presentMe(hearth: Pick<Hearth, 'config'>, auth: AuthState): z.infer<typeof meSchema> {
  return {
    user: auth.user,
    session: { id: auth.session.id, mfa: auth.session.mfaState, expiresAt: auth.session.absoluteExpiresAt },
    csrfToken: auth.session.csrfToken,
    service: {
      name: hearth.config.serviceName,
      demo: hearth.config.demoSeed,
      staffMfaRequired: hearth.config.requireStaffMfa,
      locale: hearth.config.locale,
      timeZone: hearth.config.timeZone,
    },
  };
}
