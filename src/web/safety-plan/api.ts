import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SafetyPlan, SafetyPlanEnvelope, SafetyPlanSections } from '../../shared/schemas/safety-plans';
import { api } from '../api/client';

export type { SafetyPlan, SafetyPlanEnvelope, SafetyPlanSections };
const enc = encodeURIComponent;

/** Query keys of safety plans: mine, and a member's for their clinician. */
export const safetyPlanKeys = {
  all: ['safety-plan'] as const,
  mine: ['safety-plan', 'mine'] as const,
  member: (enrolmentId: string) => ['safety-plan', 'enrolment', enrolmentId] as const,
};

/** My own safety plan (participants). */
export function useMySafetyPlan(enabled = true) {
  return useQuery({ queryKey: safetyPlanKeys.mine, queryFn: () => api<SafetyPlanEnvelope>('GET', '/safety-plan'), enabled });
}

/** A member's plan from their record (clinicians; audited read). */
export function useMemberSafetyPlan(enrolmentId: string) {
  return useQuery({ queryKey: safetyPlanKeys.member(enrolmentId), queryFn: () => api<SafetyPlanEnvelope>('GET', `/enrolments/${enc(enrolmentId)}/safety-plan`) });
}

/** Saves a whole plan: mine, or a participant's when `participantId` is given. 409 carries the saved plan. */
export function useSaveSafetyPlan(participantId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SafetyPlanSections & { baseVersion: number }) =>
      api<SafetyPlan>('PUT', participantId ? `/participants/${enc(participantId)}/safety-plan` : '/safety-plan', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: safetyPlanKeys.all }),
  });
}

export const EMPTY_SECTIONS: SafetyPlanSections = {
  warningSigns: [],
  copingSteps: [],
  distractions: [],
  helpContacts: [],
  professionals: [],
  safeEnvironment: [],
  reasonsForLiving: [],
};

export function sectionsOf(plan: SafetyPlan | null): SafetyPlanSections {
  if (!plan) return EMPTY_SECTIONS;
  const { warningSigns, copingSteps, distractions, helpContacts, professionals, safeEnvironment, reasonsForLiving } = plan;
  return { warningSigns, copingSteps, distractions, helpContacts, professionals, safeEnvironment, reasonsForLiving };
}
