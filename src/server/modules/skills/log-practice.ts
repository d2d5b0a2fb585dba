import type { z } from 'zod';
import type { Practice, practiceBodySchema } from '../../../shared/schemas/skills.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { currentEnrolments } from '../goals/membership.js';
import { curriculumSkills } from './curriculum-skills.js';
import { loadPractice } from './repository.js';
import { sharePractice } from './share-practice.js';

/** Logs a practice of a curriculum skill (private), and shares it with the group when asked. */
export async function logPractice(ctx: UseCaseContext, input: z.output<typeof practiceBodySchema>): Promise<Practice> {
  const owner = ctx.principal.userId;
  const skills = await curriculumSkills(ctx.db, owner);
  if (!skills.some((s) => s.skill === input.skill)) {
    throw new AppError('validation_failed', 'Choose one of the skills from your programme.', [{ path: 'body.skill', message: 'Not a skill of your programme.' }]);
  }
  const [enrolment] = await currentEnrolments(ctx.db, owner);
  const id = newId();
  await ctx.db
    .insertInto('skill_practices')
    .values({
      id,
      participant_id: owner,
      enrolment_id: enrolment?.id ?? null,
      skill: input.skill,
      situation: input.situation,
      tried: input.tried,
      rating: input.rating,
      shared_group_id: null,
      shared_enrolment_id: null,
      moderation_status: null,
      shared_at: null,
      created_at: ctx.now.toISOString(),
    })
    .execute();
  await ctx.audit({ action: 'skills.log', resourceType: 'skill_practice', resourceId: id, detail: { rating: input.rating } });
  if (input.shareWithGroup) return sharePractice(ctx, id, true);
  return loadPractice(ctx.db, owner, id);
}
