import type { z } from 'zod';
import type { programmeBodySchema, programmeUpdateBodySchema } from '../../../shared/schemas/programmes.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { readProgramme } from './read-programme.js';
import { addAgreementVersion, replaceCurriculum } from './repository.js';

/** Creates a programme with its curriculum (and its first group agreement when given), in the request's transaction. */
export async function createProgramme(ctx: UseCaseContext, input: z.infer<typeof programmeBodySchema>) {
  const id = newId();
  await ctx.db.insertInto('programmes').values({ id, name: input.name, description: input.description, created_at: ctx.now.toISOString() }).execute();
  await replaceCurriculum(ctx.db, id, input.sessions);
  const version = input.agreement ? await addAgreementVersion(ctx.db, id, input.agreement, ctx.principal.userId, ctx.now) : null;
  await ctx.audit({ action: 'programmes.create', resourceType: 'programme', resourceId: id, detail: { sessions: input.sessions.length, agreementVersion: version } });
  return readProgramme(ctx, id);
}

/** Renames a programme or changes its description. */
export async function updateProgramme(ctx: UseCaseContext, id: string, input: z.infer<typeof programmeUpdateBodySchema>) {
  if (input.name !== undefined || input.description !== undefined) {
    await ctx.db
      .updateTable('programmes')
      .set({ ...(input.name !== undefined ? { name: input.name } : {}), ...(input.description !== undefined ? { description: input.description } : {}) })
      .where('id', '=', id)
      .execute();
  }
  await ctx.audit({ action: 'programmes.update', resourceType: 'programme', resourceId: id, detail: { fields: Object.keys(input).join(',') } });
  return readProgramme(ctx, id);
}
