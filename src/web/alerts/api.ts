import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

const enc = encodeURIComponent;

export type AlertTier = 'concern' | 'urgent';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';
export type AlertOutcome = 'false_positive' | 'check_in_done' | 'safety_plan_reviewed' | 'escalated';
export type AlertFilter = 'active' | AlertStatus;

/** One alert in GET /api/alerts (server: modules/alerts/routes.ts). */
export interface ClinicalAlert {
  id: string;
  kind: string;
  tier: AlertTier;
  status: AlertStatus;
  summary: string;
  participant: { id: string; displayName: string; pseudonym: string | null; enrolmentId: string | null };
  groupId: string | null;
  groupName: string | null;
  createdAt: string;
  /** How many items the alert stands for (a folded risk alert: one per message), and when the latest came. */
  sourceCount: number;
  lastAt: string;
  ackDueAt: string;
  overdue: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  outcome: AlertOutcome | null;
  escalatedToMe: boolean;
  responseMinutes: number | null;
}

export interface AlertList {
  alerts: ClinicalAlert[];
  targetMinutes: Record<AlertTier, number>;
}

/** GET /api/alerts/stats. withinTarget is a fraction 0–1. */
export interface AlertStats {
  total: number;
  byOutcome: Partial<Record<AlertOutcome, number>>;
  medianResponseMinutes: number | null;
  withinTarget: number | null;
  /** Per alert kind: outcomes and the false-positive rate among resolved ones. */
  byKind?: Record<string, { total: number; resolved: number; byOutcome: Partial<Record<AlertOutcome, number>>; falsePositiveRate: number | null }>;
}

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

/** GET /api/alerts/count: my unacknowledged alerts in numbers only (server: modules/alerts/routes.ts). */
export interface AlertCount {
  open: number;
  urgentOpen: number;
  concernOpen: number;
  /** Past their acknowledgement target. */
  overdue: number;
  oldest: { tier: AlertTier; createdAt: string; ackDueAt: string } | null;
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
export interface ServiceSettings {
  'alerts.urgent_ack_minutes': string;
  'alerts.concern_ack_minutes': string;
  'alerts.backup_clinician_id': string;
  'alerts.fold_window_minutes': string;
  'attendance.absence_alert': 'on' | 'off';
  'attendance.absence_alert_after': string;
  'measures.not_improving_after': string;
  'risk.journal_alerts': 'true' | 'false';
  'calendar.event_title': string;
}

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
