import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertCount, AlertFilter, AlertList, AlertOutcome, AlertStats, ServiceSettings } from '../../shared/schemas/alerts';
import { api } from '../api/client';

const enc = encodeURIComponent;

export type { AlertCount, AlertFilter, AlertList, AlertOutcome, AlertStats, AlertStatus, AlertTier, ClinicalAlert, ServiceSettings } from '../../shared/schemas/alerts';

const alertsKey = ['alerts'];

/** The clinician's queue, urgent first. Refreshed every minute while the page is in view. */
export function useAlerts(filter: AlertFilter) {
  return useQuery({
    queryKey: [...alertsKey, 'list', filter],
    queryFn: () => api<AlertList>('GET', `/alerts?status=${filter}`),
    refetchInterval: 60_000,
    placeholderData: (previous) => previous,
  });
}

/** My unacknowledged alerts, by tier, with the oldest one's age: the navigation badge and the home banner share one request. */
export function useAlertCount(enabled: boolean) {
  return useQuery({
    queryKey: [...alertsKey, 'count'],
    // Counts only: the queue itself (an audited read of clinical data) loads when it is opened.
    queryFn: () => api<AlertCount>('GET', '/alerts/count'),
    refetchInterval: 60_000,
    enabled,
  });
}

/** How many alerts nobody has acknowledged yet: the count next to "Alerts" in the navigation. */
export function useOpenAlertCount(enabled: boolean): number {
  return useAlertCount(enabled).data?.open ?? 0;
}

export function useAlertStats() {
  return useQuery({ queryKey: [...alertsKey, 'stats'], queryFn: () => api<AlertStats>('GET', '/alerts/stats') });
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (alertId: string) => api<void>('POST', `/alerts/${enc(alertId)}/acknowledge`),
    onSettled: () => client.invalidateQueries({ queryKey: alertsKey }),
  });
}

export function useResolveAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ alertId, outcome, note }: { alertId: string; outcome: AlertOutcome; note?: string }) =>
      api<void>('POST', `/alerts/${enc(alertId)}/resolve`, note ? { outcome, note } : { outcome }),
    onSettled: () => client.invalidateQueries({ queryKey: alertsKey }),
  });
}

/** GET/PATCH /api/admin/settings: every value is a string on the wire. */
const settingsKey = ['admin', 'settings'];

export function useServiceSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api<ServiceSettings>('GET', '/admin/settings') });
}

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<ServiceSettings>) => api<ServiceSettings>('PATCH', '/admin/settings', changes),
    onSuccess: (saved) => client.setQueryData(settingsKey, saved),
  });
}
