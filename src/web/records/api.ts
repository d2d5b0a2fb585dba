import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ParticipantRecord } from '../api/types';

/** A member's record in one group (audited read on the server). */
export function useRecord(enrolmentId: string) {
  return useQuery({
    queryKey: ['records', enrolmentId],
    queryFn: () => api<ParticipantRecord>('GET', `/enrolments/${encodeURIComponent(enrolmentId)}/record`),
  });
}
