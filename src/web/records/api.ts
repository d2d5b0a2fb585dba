import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClaimDetails, ClaimDetailsInput } from '../../shared/schemas/billing';
import { api } from '../api/client';
import type { ParticipantRecord } from '../api/types';

/** Query keys of members' records. `member(id)` is the root of everything shown on one record (journal, goals, measures add to it). */
export const recordKeys = {
  all: ['records'] as const,
  member: (enrolmentId: string) => ['records', enrolmentId] as const,
};

/** A member's record in one group (audited read on the server). */
export function useRecord(enrolmentId: string) {
  return useQuery({
    queryKey: recordKeys.member(enrolmentId),
    queryFn: () => api<ParticipantRecord>('GET', `/enrolments/${encodeURIComponent(enrolmentId)}/record`),
  });
}

/** Records the claim details of an enrolment (record number, date of birth, ICD-10 code); the record is read again. */
export function useUpdateClaimDetails(enrolmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ClaimDetailsInput) => api<ClaimDetails>('PUT', `/enrolments/${encodeURIComponent(enrolmentId)}/claim-details`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: recordKeys.member(enrolmentId) }),
  });
}
