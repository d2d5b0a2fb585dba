import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';

/** Who did it and through which request. */
export interface AuditActor {
  userId: string | null;
  role: string | null;
  requestId: string | null;
  ip: string | null;
}

/** What happened. `detail` holds identifiers and codes only, never clinical text. */
export interface AuditEntry {
  action: string;
  resourceType?: string | null;
  resourceId?: string | null;
  groupId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  detail?: Record<string, string | number | boolean | null>;
}

/** Appends one audit row through `db`, which is the caller's transaction for writes. */
export async function recordAudit(db: DbOrTx, actor: AuditActor, entry: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: newId(),
      at: at.toISOString(),
      actor_user_id: actor.userId,
      actor_role: actor.role,
      action: entry.action,
      resource_type: entry.resourceType ?? null,
      resource_id: entry.resourceId ?? null,
      group_id: entry.groupId ?? null,
      outcome: entry.outcome ?? 'success',
      request_id: actor.requestId,
      ip: actor.ip,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}
