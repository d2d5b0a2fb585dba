import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AdminUserList, inviteUserBodySchema } from '../../shared/schemas/auth';
import type { BillingColumns } from '../../shared/schemas/billing';
import { api, toQuery } from '../api/client';
import type { AdminUser, InvitationIssued, Role, UserStatus } from '../api/types';

/** Query keys of the admin pages: people, billing columns, the audit log and FHIR exports. */
export const adminKeys = {
  users: ['admin', 'users'] as const,
  userList: (filters: UserFilters) => ['admin', 'users', filters] as const,
  billingColumns: ['admin', 'billing-columns'] as const,
  audit: (params: object) => ['admin', 'audit', params] as const,
  fhirExports: ['fhir-exports'] as const,
};

export interface UserFilters {
  q?: string;
  role?: Role | '';
  status?: UserStatus | '';
}

/** Accounts of the service, filtered on the server. */
export function useUsers(filters: UserFilters = {}, enabled = true) {
  return useQuery({
    queryKey: adminKeys.userList(filters),
    queryFn: () => api<AdminUserList>('GET', `/admin/users${toQuery({ ...filters })}`),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/** POST /api/admin/users. */
export type InviteInput = z.input<typeof inviteUserBodySchema>;

export function useInviteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteInput) => api<InvitationIssued>('POST', '/admin/users', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export type UserAction = 'deactivate' | 'reactivate' | 'reset-mfa' | 'invitation';

/** One of the account actions; "invitation" issues a new set-password link. */
export function useUserAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, action }: { userId: string; action: UserAction }) => api<AdminUser | InvitationIssued>('POST', `/admin/users/${encodeURIComponent(userId)}/${action}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

/** The billing export's columns: the service's choice (null = the default) and every column there is. */
export function useBillingColumns() {
  return useQuery({ queryKey: adminKeys.billingColumns, queryFn: () => api<BillingColumns>('GET', '/admin/billing-columns') });
}

/** Chooses the billing export's columns and their order (null returns to the default). */
export function useUpdateBillingColumns() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (columns: string[] | null) => api<BillingColumns>('PUT', '/admin/billing-columns', { columns }),
    onSuccess: (data) => client.setQueryData(adminKeys.billingColumns, data),
  });
}
