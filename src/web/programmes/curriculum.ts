import type { ApiError } from '../api/client';
import type { ProgrammeDetail, SessionPlanInput } from './api';

/** Most sessions a curriculum may have (the server's limit). */
export const MAX_SESSIONS = 52;

/** One session plan as the form holds it: lists are typed one item per line. */
export interface PlanDraft {
  key: number;
  topic: string;
  skillFocus: string;
  exercises: string;
  reflectionPrompts: string;
}

let nextKey = 1;
export function emptyPlan(): PlanDraft {
  return { key: nextKey++, topic: '', skillFocus: '', exercises: '', reflectionPrompts: '' };
}

export function draftsFrom(curriculum: ProgrammeDetail['curriculum']): PlanDraft[] {
  return curriculum.map((p) => ({
    key: nextKey++,
    topic: p.topic,
    skillFocus: p.skillFocus,
    exercises: p.exercises.join('\n'),
    reflectionPrompts: p.reflectionPrompts.join('\n'),
  }));
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function toPlans(drafts: PlanDraft[]): SessionPlanInput[] {
  return drafts.map((d) => ({ topic: d.topic.trim(), skillFocus: d.skillFocus.trim(), exercises: lines(d.exercises), reflectionPrompts: lines(d.reflectionPrompts) }));
}

export type PlanField = 'topic' | 'skillFocus' | 'exercises' | 'reflectionPrompts';

/** What is wrong with one plan before it is sent (the server checks the same and more). */
export function planProblems(d: PlanDraft): Partial<Record<PlanField, string>> {
  return {
    topic: d.topic.trim() ? undefined : 'Give the session a topic.',
    skillFocus: d.skillFocus.trim() ? undefined : 'Name the skill this session practises.',
    exercises: lines(d.exercises).length === 0 ? 'Add at least one exercise.' : lines(d.exercises).length > 20 ? 'At most 20 exercises.' : undefined,
    reflectionPrompts: lines(d.reflectionPrompts).length > 20 ? 'At most 20 reflection prompts.' : undefined,
  };
}

export function curriculumProblem(drafts: PlanDraft[]): string | undefined {
  if (drafts.length === 0) return 'A programme needs at least one session.';
  if (drafts.length > MAX_SESSIONS) return `A programme has at most ${MAX_SESSIONS} sessions.`;
  return undefined;
}

export function hasProblems(drafts: PlanDraft[]): boolean {
  return Boolean(curriculumProblem(drafts)) || drafts.some((d) => Object.values(planProblems(d)).some(Boolean));
}

/** The server's message for a field of session `index` (e.g. body.sessions.1.exercises.0). */
export function serverPlanMessage(error: ApiError | null, index: number, field: PlanField): string | undefined {
  const prefix = `body.sessions.${index}.${field}`;
  return error?.details.find((d) => d.path === prefix || d.path.startsWith(`${prefix}.`))?.message;
}

/** The server's message about the curriculum as a whole (none, too many). */
export function serverCurriculumMessage(error: ApiError | null): string | undefined {
  return error?.details.find((d) => d.path === 'body.sessions')?.message;
}
