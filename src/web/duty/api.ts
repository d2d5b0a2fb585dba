import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AlertDelivery, AlertDeliveryList, MobileResponse, MyDelivery, Rota, RotaGaps, RotaShift, Sms, SmsOutbox, rotaShiftBodySchema } from '../../shared/schemas/duty';
import { api } from '../api/client';
import { accountKeys } from '../account/api';
import { alertKeys } from '../alerts/api';

export type { AlertDelivery, MyDelivery, Rota, RotaGaps, RotaShift, Sms };

const enc = encodeURIComponent;

/** Query keys of alert delivery: the rota and its gaps, an alert's delivery log, how alerts reach me, the SMS outbox. */
export const dutyKeys = {
  rota: ['rota'] as const,
  gaps: ['rota', 'gaps'] as const,
  deliveries: (alertId: string) => [...alertKeys.all, 'deliveries', alertId] as const,
  myDelivery: ['me', 'alert-delivery'] as const,
  smsOutbox: ['admin', 'sms'] as const,
};

/** GET /api/rota: shifts from yesterday to two weeks ahead, who is on duty now, the fallback. */
export function useRota() {
  return useQuery({ queryKey: dutyKeys.rota, queryFn: () => api<Rota>('GET', '/rota') });
}

/** GET /api/rota/gaps: uncovered periods in the next 14 days. */
export function useRotaGaps() {
  return useQuery({ queryKey: dutyKeys.gaps, queryFn: () => api<RotaGaps>('GET', '/rota/gaps') });
}

export function useAddShift() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof rotaShiftBodySchema>) => api<RotaShift>('POST', '/rota/shifts', body),
    onSuccess: () => client.invalidateQueries({ queryKey: dutyKeys.rota }),
  });
}

export function useDeleteShift() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/rota/shifts/${enc(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: dutyKeys.rota }),
  });
}

/** GET /api/alerts/:id/deliveries, fetched when the section is opened. */
export function useAlertDeliveries(alertId: string, enabled: boolean) {
  return useQuery({
    queryKey: dutyKeys.deliveries(alertId),
    queryFn: () => api<AlertDeliveryList>('GET', `/alerts/${enc(alertId)}/deliveries`),
    enabled,
  });
}

/** GET /api/me/alert-delivery: the push key, my devices, my mobile. */
export function useMyDelivery() {
  return useQuery({ queryKey: dutyKeys.myDelivery, queryFn: () => api<MyDelivery>('GET', '/me/alert-delivery') });
}

export function useSetMobile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mobile: string) => api<MobileResponse>('PUT', '/me/mobile', { mobile }),
    // The number shows in both places; removing it may have turned text reminders off.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: dutyKeys.myDelivery }), client.invalidateQueries({ queryKey: accountKeys.notificationPreferences })]),
  });
}

/** GET /api/admin/sms: text messages kept in the SMS outbox. */
export function useSmsOutbox() {
  return useQuery({ queryKey: dutyKeys.smsOutbox, queryFn: () => api<SmsOutbox>('GET', '/admin/sms') });
}
