import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewProgramme, ProgrammeDetail, ProgrammeSummary, SessionPlanInput } from '../../shared/schemas/programmes';
import type { NewGroup } from '../../shared/schemas/sessions';
import { api } from '../api/client';
import type { GroupDetail } from '../api/types';
import { groupKeys } from '../groups/api';

const enc = encodeURIComponent;

/** Query keys of programmes: the list and one programme. */
export const programmeKeys = {
  all: ['programmes'] as const,
  detail: (programmeId: string) => ['programmes', programmeId] as const,
};

export type { ProgrammeDetail, ProgrammeSummary, SessionPlanInput };

/** The service's programmes by name, with their session count and agreement version. */
export function useProgrammes() {
  return useQuery({ queryKey: programmeKeys.all, queryFn: () => api<{ programmes: ProgrammeSummary[] }>('GET', '/programmes') });
}

export function useProgramme(programmeId: string) {
  return useQuery({ queryKey: programmeKeys.detail(programmeId), queryFn: () => api<ProgrammeDetail>('GET', `/programmes/${enc(programmeId)}`) });
}

export type { NewProgramme } from '../../shared/schemas/programmes';

/** A programme, its curriculum and (when written) its first agreement, in one request. */
export function useCreateProgramme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewProgramme) => api<ProgrammeDetail>('POST', '/programmes', input),
    onSuccess: (detail) => {
      client.setQueryData(programmeKeys.detail(detail.id), detail);
      void client.invalidateQueries({ queryKey: programmeKeys.all, exact: true });
    },
  });
}

/** The edits of a programme: details, curriculum, a new agreement version, the note template. */
export function useProgrammeEdits(programmeId: string) {
  const client = useQueryClient();
  const onSuccess = (detail: ProgrammeDetail) => {
    client.setQueryData(programmeKeys.detail(programmeId), detail);
    void client.invalidateQueries({ queryKey: programmeKeys.all, exact: true });
  };
  const path = `/programmes/${enc(programmeId)}`;
  return {
    details: useMutation({ mutationFn: (input: { name: string; description: string }) => api<ProgrammeDetail>('PATCH', path, input), onSuccess }),
    curriculum: useMutation({ mutationFn: (sessions: SessionPlanInput[]) => api<ProgrammeDetail>('PUT', `${path}/curriculum`, { sessions }), onSuccess }),
    agreement: useMutation({ mutationFn: (body: string) => api<ProgrammeDetail>('POST', `${path}/agreements`, { body }), onSuccess }),
    noteTemplate: useMutation({ mutationFn: (kind: string) => api<ProgrammeDetail>('POST', `${path}/note-templates`, { kind }), onSuccess }),
  };
}

export type { NewGroup } from '../../shared/schemas/sessions';

export function useCreateGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewGroup) => api<{ id: string }>('POST', '/groups', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: groupKeys.all }),
  });
}

/** Replaces a group's facilitators (one lead, up to five co-facilitators). */
export function useSetFacilitators(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { leadId: string; coFacilitatorIds: string[] }) => api<GroupDetail>('PUT', `/groups/${enc(groupId)}/facilitators`, input),
    onSuccess: (detail) => {
      client.setQueryData(groupKeys.detail(groupId), detail);
      void client.invalidateQueries({ queryKey: groupKeys.all });
    },
  });
}
