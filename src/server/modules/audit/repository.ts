import type { DbOrTx } from '../../db/database.js';

export interface AuditFilter {
  actorUserId?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  outcome?: 'success' | 'failure' | 'denied';
  from?: string;
  to?: string;
  /** Keyset cursor: rows strictly older than this (at, id). */
  before?: { at: string; id: string };
}

/** Audit rows, newest first, with the actor's name. Keyset-paginated on (at, id). */
export function searchAudit(db: DbOrTx, filter: AuditFilter, limit: number) {
  let query = db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .selectAll('a')
    .select('u.display_name as actor_name')
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit);
  if (filter.actorUserId) query = query.where('a.actor_user_id', '=', filter.actorUserId);
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.resourceType) query = query.where('a.resource_type', '=', filter.resourceType);
  if (filter.resourceId) query = query.where('a.resource_id', '=', filter.resourceId);
  if (filter.outcome) query = query.where('a.outcome', '=', filter.outcome);
  if (filter.from) query = query.where('a.at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('a.at', '<', new Date(filter.to).toISOString());
  const before = filter.before;
  if (before) {
    query = query.where((eb) => eb.or([eb('a.at', '<', before.at), eb.and([eb('a.at', '=', before.at), eb('a.id', '<', before.id)])]));
  }
  return query.execute();
}

export type AuditRow = Awaited<ReturnType<typeof searchAudit>>[number];
