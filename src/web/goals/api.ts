import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Audience,
  Goal,
  GoalCreateBody,
  GoalVisibility,
  SharedItem,
  SupportiveReaction,
  memberGoalsSchema,
  ReactionList,
  reactionSummarySchema,
  sharedFeedSchema,
} from '../../shared/schemas/goals';
import { api, toQuery } from '../api/client';
import { recordKeys } from '../records/api';

export type { Audience, Goal, GoalCreateBody, GoalVisibility, SharedItem, SupportiveReaction };
export type ReactionSummary = z.infer<typeof reactionSummarySchema>;
export type SharedFeed = z.infer<typeof sharedFeedSchema>;
export type MemberGoals = z.infer<typeof memberGoalsSchema>;
export type Milestone = Goal['milestones'][number];

const enc = encodeURIComponent;

/** Query keys of goals: mine, one goal, who would see it, the group's shared feed (celebrations, shared practice), a member's shared goals. */
export const goalKeys = {
  mine: ['me', 'goals'] as const,
  detail: (goalId: string) => ['me', 'goals', goalId] as const,
  audience: (goalId: string, visibility: string) => ['me', 'goals', goalId, 'audience', visibility] as const,
  shared: ['shared'] as const,
  sharedFeed: (groupId: string | null | undefined) => ['shared', groupId] as const,
  member: (enrolmentId: string) => [...recordKeys.member(enrolmentId), 'goals'] as const,
};

export function useMyGoals() {
  return useQuery({ queryKey: goalKeys.mine, queryFn: () => api<{ goals: Goal[] }>('GET', '/me/goals') });
}

export function useGoal(goalId: string) {
  return useQuery({ queryKey: goalKeys.detail(goalId), queryFn: () => api<Goal>('GET', `/goals/${enc(goalId)}`) });
}

/** Every goal mutation answers with the whole goal: put it in the cache and refresh the list. */
function useGoalMutation<V>(request: (v: V) => Promise<Goal>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (goal) => {
      client.setQueryData(goalKeys.detail(goal.id), goal);
      return Promise.all([client.invalidateQueries({ queryKey: goalKeys.mine, exact: true }), client.invalidateQueries({ queryKey: goalKeys.shared })]);
    },
  });
}

export function useCreateGoal() {
  return useGoalMutation((body: GoalCreateBody) => api<Goal>('POST', '/me/goals', body));
}

export function useCheckIn(goalId: string) {
  return useGoalMutation((body: { progress: Goal['checkins'][number]['progress']; note: string }) => api<Goal>('POST', `/goals/${enc(goalId)}/checkins`, body));
}

export function useAddMilestone(goalId: string) {
  return useGoalMutation((title: string) => api<Goal>('POST', `/goals/${enc(goalId)}/milestones`, { title }));
}

export function useReachMilestone() {
  return useGoalMutation(({ id, note }: { id: string; note: string }) => api<Goal>('POST', `/milestones/${enc(id)}/reach`, { note }));
}

export function useCelebrate() {
  return useGoalMutation(({ id, detail, note }: { id: string; detail: 'reached' | 'title' | 'title_note'; note: string }) =>
    api<Goal>('POST', `/milestones/${enc(id)}/celebration`, { detail, note }),
  );
}

export function useWithdrawCelebration() {
  return useGoalMutation((milestoneId: string) => api<Goal>('DELETE', `/milestones/${enc(milestoneId)}/celebration`));
}

export function useSetVisibility(goalId: string) {
  return useGoalMutation((visibility: GoalVisibility) => api<Goal>('PUT', `/goals/${enc(goalId)}/visibility`, { visibility }));
}

/** Who would see the goal at a visibility (fetched when the member considers sharing). */
export function useAudience(goalId: string, visibility: GoalVisibility) {
  return useQuery({
    queryKey: goalKeys.audience(goalId, visibility),
    queryFn: () => api<Audience>('GET', `/goals/${enc(goalId)}/audience${toQuery({ visibility })}`),
    enabled: visibility !== 'private',
    retry: false,
  });
}

export function useSharedFeed(groupId: string | null) {
  return useQuery({
    queryKey: goalKeys.sharedFeed(groupId),
    queryFn: () => api<SharedFeed>('GET', `/groups/${enc(groupId ?? '')}/shared`),
    enabled: groupId !== null,
    refetchInterval: 60_000,
  });
}

/** Sends or takes back a supportive reaction on a celebration card or a shared practice entry. */
export function useReact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id, reaction, on }: { kind: 'celebration' | 'skill_practice'; id: string; reaction: SupportiveReaction; on: boolean }) => {
      const base = kind === 'celebration' ? `/celebrations/${enc(id)}/reactions` : `/shared-practice/${enc(id)}/reactions`;
      return on ? api<ReactionList>('POST', base, { reaction }) : api<ReactionList>('DELETE', `${base}${toQuery({ reaction })}`);
    },
    onSettled: () => client.invalidateQueries({ queryKey: goalKeys.shared }),
  });
}

export function useMemberGoals(enrolmentId: string) {
  return useQuery({ queryKey: goalKeys.member(enrolmentId), queryFn: () => api<MemberGoals>('GET', `/enrolments/${enc(enrolmentId)}/goals`) });
}

export function useSetGoalStatus(goalId: string) {
  return useGoalMutation((status: Goal['status']) => api<Goal>('PUT', `/goals/${enc(goalId)}/status`, { status }));
}

export function useDeleteGoal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (goalId: string) => api<void>('DELETE', `/goals/${enc(goalId)}`),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: goalKeys.mine }), client.invalidateQueries({ queryKey: goalKeys.shared })]),
  });
}
