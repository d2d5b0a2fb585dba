import type { Config } from '../config/env.js';
import type { DbOrTx } from '../db/database.js';
import type { Role } from '../db/schema.js';
import type { UseCaseContext } from '../http/use-case.js';
import { recordAudit } from '../modules/audit/record.js';

/**
 * The demo's history is made by the same use cases real data goes through (measure submission,
 * attendance, moderation decisions, alert handling), so every alert real data would raise exists
 * in the demo. This is the context those use cases get: one person of the story acting at one
 * historical moment, inside the seed's transaction, audited like a request. There is no HTTP
 * request behind it, and a use case never asks for one.
 */
export function seedContext(db: DbOrTx, config: Config, actor: { id: string; role: Role }, now: Date): UseCaseContext {
  const auditActor = { userId: actor.id, role: actor.role, requestId: null, ip: null };
  const missing = (what: string) => () => {
    throw new Error(`${what} is not available while seeding the demo`);
  };
  return {
    db,
    hearth: {
      config,
      get databaseKind() {
        return missing('The database kind')();
      },
      get clock() {
        return missing('The clock (use now)')();
      },
      get broker() {
        return missing('The realtime broker')();
      },
    },
    auth: null,
    principal: { userId: actor.id, role: actor.role, sessionId: 'demo-seed' },
    actor: auditActor,
    now,
    audit: (entry) => recordAudit(db, auditActor, entry, now),
    onFailure: missing('Work after a refusal'),
  };
}
