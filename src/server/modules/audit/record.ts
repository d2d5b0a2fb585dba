import type { DbOrTx } from '../../db/database.js';
import { newId } from '../../lib/ids.js';

/** Who did it and through which request. */
export interface AuditActor {
  userId: string | null;
  role: string | null;
  requestId: string | null;
  ip: string | null;
}

/**
 * What happened. `detail` holds identifiers and codes only, never clinical text — with one
 * exception: the reason an administrator gave for break-glass access, which is what reviewers of
 * that access must read.
 */
export interface AuditEntry {
  action: string;
  resourceType?: string | null;
  resourceId?: string | null;
  groupId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  detail?: Record<string, string | number | boolean | null>;
}

/**
 * Detail keys that would tell the audit log's readers (administrators, who have no clinical
 * access) something clinical: a risk tier or kind, that an alert fired, a score or band. They
 * are never written, whichever use case passes them; the clinical record (alerts, responses) is
 * where those facts live, behind clinical access.
 */
export const CLINICAL_DETAIL_KEYS: ReadonlySet<string> = new Set(['tier', 'risk', 'riskKind', 'alert', 'alerts', 'alerted', 'score', 'band', 'severity', 'safetyPlanShown']);

/** The detail as written: clinical keys removed (see CLINICAL_DETAIL_KEYS). */
export function auditableDetail(detail: AuditEntry['detail']): AuditEntry['detail'] {
  if (!detail) return detail;
  return Object.fromEntries(Object.entries(detail).filter(([key]) => !CLINICAL_DETAIL_KEYS.has(key)));
}

/** Appends one audit row through `db`, which is the caller's transaction for writes. */
export async function recordAudit(db: DbOrTx, actor: AuditActor, entry: AuditEntry, at: Date): Promise<void> {
  const detail = auditableDetail(entry.detail);
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
      detail: detail && Object.keys(detail).length ? JSON.stringify(detail) : null,
    })
    .execute();
}
