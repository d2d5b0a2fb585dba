import { useInfiniteQuery } from '@tanstack/react-query';
import { api, toQuery } from '../api/client';
import type { AuditEvent, AuditPage } from '../api/types';
import { adminKeys } from './api';

/** Audit filters as typed in the form; dates are calendar days in the reader's time zone. */
export interface AuditFilters {
  action: string;
  outcome: '' | AuditEvent['outcome'];
  resourceType: string;
  resourceId: string;
  actorUserId: string;
  fromDate: string;
  toDate: string;
}

export const emptyAuditFilters: AuditFilters = {
  action: '',
  outcome: '',
  resourceType: '',
  resourceId: '',
  actorUserId: '',
  fromDate: '',
  toDate: '',
};

/** The filters as API query parameters (from/to as ISO instants spanning whole local days). */
export function auditParams(filters: AuditFilters): Record<string, string | undefined> {
  return {
    action: filters.action.trim() || undefined,
    outcome: filters.outcome || undefined,
    resourceType: filters.resourceType.trim() || undefined,
    resourceId: filters.resourceId.trim() || undefined,
    actorUserId: filters.actorUserId.trim() || undefined,
    from: filters.fromDate ? new Date(`${filters.fromDate}T00:00:00`).toISOString() : undefined,
    to: filters.toDate ? new Date(`${filters.toDate}T23:59:59.999`).toISOString() : undefined,
  };
}

export const AUDIT_PAGE_SIZE = 50;

/** Pages of audit events, newest first; "load more" follows nextCursor. */
export function useAuditEvents(filters: AuditFilters) {
  const params = auditParams(filters);
  return useInfiniteQuery({
    queryKey: adminKeys.audit(params),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api<AuditPage>('GET', `/admin/audit${toQuery({ ...params, limit: AUDIT_PAGE_SIZE, before: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Address of the CSV export for the same filters: a plain download, no script needed. */
export function auditExportUrl(filters: AuditFilters): string {
  return `/api/admin/audit/export.csv${toQuery(auditParams(filters))}`;
}
