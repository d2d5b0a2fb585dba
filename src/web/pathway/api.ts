import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReferralBody, ReferralList, ReferralTargetList } from '../../shared/schemas/pathway';
import { api } from '../api/client';
import type { ContactPatch } from '../contacts/api';
import type { OfferAnswer, Referral, ReferralStatus } from '../api/types';
import { groupKeys, useInvalidateGroup } from '../groups/api';

const enc = encodeURIComponent;

/** Query keys of referrals: where one can refer to, my referrals, a group's referrals and waitlist. */
export const pathwayKeys = {
  targets: ['referral-targets'] as const,
  all: ['referrals'] as const,
  mine: ['referrals', 'mine'] as const,
  group: (groupId: string) => ['referrals', 'group', groupId] as const,
};

export function useReferralTargets(enabled = true) {
  return useQuery({
    queryKey: pathwayKeys.targets,
    queryFn: () => api<ReferralTargetList>('GET', '/referral-targets'),
    enabled,
  });
}

export function useMyReferrals() {
  return useQuery({ queryKey: pathwayKeys.mine, queryFn: () => api<ReferralList>('GET', '/referrals/mine') });
}

export function useGroupReferrals(groupId: string) {
  return useQuery({
    queryKey: pathwayKeys.group(groupId),
    queryFn: () => api<ReferralList>('GET', `/groups/${enc(groupId)}/referrals`),
  });
}

/** POST /api/referrals. */
export type NewReferral = ReferralBody;

export function useCreateReferral() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewReferral) => api<Referral>('POST', '/referrals', input),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: pathwayKeys.all }), client.invalidateQueries({ queryKey: groupKeys.all })]),
  });
}

/** The steps a facilitator takes on a referral; each refreshes the group's lists. */
export function useReferralStep(groupId: string) {
  const invalidate = useInvalidateGroup();
  const intake = useMutation({
    mutationFn: (input: { referralId: string; suitable: boolean; notes: string; priority: number; contact?: ContactPatch | undefined; recordNumber?: string }) =>
      api<Referral>('POST', `/referrals/${enc(input.referralId)}/intake`, {
        suitable: input.suitable,
        notes: input.notes,
        priority: input.priority,
        ...(input.contact ? { contact: input.contact } : {}),
        ...(input.recordNumber ? { recordNumber: input.recordNumber } : {}),
      }),
    onSuccess: () => invalidate(groupId),
  });
  const offer = useMutation({
    mutationFn: (input: { referralId: string; expiresInDays: number; skipReason?: string }) =>
      api<Referral>('POST', `/referrals/${enc(input.referralId)}/offer`, {
        expiresInDays: input.expiresInDays,
        ...(input.skipReason ? { skipReason: input.skipReason } : {}),
      }),
    onSuccess: () => invalidate(groupId),
  });
  const respond = useMutation({
    mutationFn: (input: { referralId: string } & ({ accept: true; pseudonym: string } | { accept: false; reason: string })) => {
      const { referralId, ...body } = input;
      return api<OfferAnswer>('POST', `/referrals/${enc(referralId)}/response`, body);
    },
    onSuccess: () => invalidate(groupId),
  });
  return { intake, offer, respond };
}

export const referralStatusLabel: Record<ReferralStatus, string> = {
  referred: 'Awaiting intake',
  not_suitable: 'Not suitable',
  waitlisted: 'On the waitlist',
  offered: 'Place offered',
  declined: 'Declined',
  expired: 'Offer expired',
  enrolled: 'Enrolled',
  withdrawn: 'Withdrawn',
};

export const referralStatusColor: Record<ReferralStatus, string> = {
  referred: 'yellow',
  not_suitable: 'gray',
  waitlisted: 'blue',
  offered: 'grape',
  declined: 'gray',
  expired: 'orange',
  enrolled: 'green',
  withdrawn: 'gray',
};
