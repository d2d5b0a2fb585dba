import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertCount, AlertFilter, AlertList, AlertOutcome, AlertStats, ServiceSettings } from '../../shared/schemas/alerts';
import { api } from '../api/client';

const enc = encodeURIComponent;

/** Query keys of alerts: `all` is the root of everything about alerts (the queue, counts, an alert's context, contacts and deliveries add to it). */
export const alertKeys = {
  all: ['alerts'] as const,
  list: (filter: AlertFilter) => ['alerts', 'list', filter] as const,
  count: ['alerts', 'count'] as const,
  stats: ['alerts', 'stats'] as const,
  settings: ['admin', 'settings'] as const,
};

export type { AlertCount, AlertFilter, AlertList, AlertOutcome, AlertStats, AlertStatus, AlertTier, ClinicalAlert, ServiceSettings } from '../../shared/schemas/alerts';

/** How often the queue and the counts are asked for besides the socket's 'alert' frames (the e2e tests tell live from polled by it). */
export const ALERTS_POLL_MS = 60_000;

/** The clinician's queue, urgent first. Refreshed every minute while the page is in view. */
export function useAlerts(filter: AlertFilter) {
  return useQuery({
    queryKey: alertKeys.list(filter),
    queryFn: () => api<AlertList>('GET', `/alerts?status=${filter}`),
    refetchInterval: ALERTS_POLL_MS,
    placeholderData: (previous) => previous,
  });
}

/** My unacknowledged alerts, by tier, with the oldest one's age: the navigation badge and the home banner share one request. */
export function useAlertCount(enabled: boolean) {
  return useQuery({
    queryKey: alertKeys.count,
    // Counts only: the queue itself (an audited read of clinical data) loads when it is opened.
    queryFn: () => api<AlertCount>('GET', '/alerts/count'),
    refetchInterval: ALERTS_POLL_MS,
    enabled,
  });
}

/** How many alerts nobody has acknowledged yet: the count next to "Alerts" in the navigation. */
export function useOpenAlertCount(enabled: boolean): number {
  return useAlertCount(enabled).data?.open ?? 0;
}

export function useAlertStats() {
  return useQuery({ queryKey: alertKeys.stats, queryFn: () => api<AlertStats>('GET', '/alerts/stats') });
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (alertId: string) => api<void>('POST', `/alerts/${enc(alertId)}/acknowledge`),
    onSettled: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}

export function useResolveAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ alertId, outcome, note }: { alertId: string; outcome: AlertOutcome; note?: string }) =>
      api<void>('POST', `/alerts/${enc(alertId)}/resolve`, note ? { outcome, note } : { outcome }),
    onSettled: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}

/** GET/PATCH /api/admin/settings: every value is a string on the wire. */

export function useServiceSettings() {
  return useQuery({ queryKey: alertKeys.settings, queryFn: () => api<ServiceSettings>('GET', '/admin/settings') });
}

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<ServiceSettings>) => api<ServiceSettings>('PATCH', '/admin/settings', changes),
    onSuccess: (saved) => client.setQueryData(alertKeys.settings, saved),
  });
}
