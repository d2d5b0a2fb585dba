import type { Config } from '../config/env.js';
import type { Db, DatabaseKind } from '../db/database.js';
import type { MfaState, Role } from '../db/schema.js';
import type { Clock } from '../lib/time.js';
import type { Metrics } from '../observability/metrics.js';
import type { Broker } from '../realtime/broker.js';
import type { Principal } from '../policy/policy.js';
import type { RegisteredRoute } from './route.js';

/** What every route and hook can reach: the database, the configuration and the clock. */
export interface Hearth {
  db: Db;
  databaseKind: DatabaseKind;
  config: Config;
  clock: Clock;
  /** Realtime fan-out between instances (in-process on SQLite, LISTEN/NOTIFY on PostgreSQL). */
  broker: Broker;
  /** Prometheus metrics when HEARTH_METRICS=on, else null (nothing is counted). */
  metrics?: Metrics | null;
}

/** The signed-in caller, resolved from the session cookie once per request. */
export interface AuthState {
  principal: Principal;
  session: { id: string; csrfToken: string; mfaState: MfaState; createdAt: string; absoluteExpiresAt: string };
  user: { id: string; email: string; displayName: string; role: Role; mfaEnabled: boolean };
}

declare module 'fastify' {
  interface FastifyInstance {
    hearth: Hearth;
    routeTable: RegisteredRoute[];
  }
  interface FastifyRequest {
    auth: AuthState | null;
    sessionProblem: 'expired' | null;
  }
}
