import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { programmeDetail } from './repository.js';

/** Creates a programme (no curriculum, no agreement yet) and returns it in full. */
export async function createProgramme(ctx: UseCaseContext, input: { name: string; description: string }) {
  const id = newId();
  await ctx.db.insertInto('programmes').values({ id, name: input.name, description: input.description, created_at: ctx.now.toISOString() }).execute();
  await ctx.audit({ action: 'programmes.create', resourceType: 'programme', resourceId: id });
  return programmeDetail(ctx.db, id);
}
