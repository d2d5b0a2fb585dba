import type { UseCaseContext } from '../../http/use-case.js';
import { objectInScope } from '../../policy/objects.js';
import { ruleFor } from '../../policy/policy.js';
import { programmeDetail } from './repository.js';

/**
 * A programme as the caller sees it, with `canEdit` from the policy (the same rule the update
 * routes enforce: an admin, or a clinician leading a forming or active group of it), so the
 * screen offers editing only to whom the API would allow it.
 */
export async function readProgramme(ctx: Pick<UseCaseContext, 'db' | 'principal' | 'now'>, programmeId: string) {
  const rule = ruleFor(ctx.principal.role, 'programme', 'update');
  const [detail, canEdit] = await Promise.all([
    programmeDetail(ctx.db, programmeId),
    rule ? objectInScope(ctx.db, ctx.principal, rule, 'programme', programmeId, ctx.now) : Promise.resolve(false),
  ]);
  return { ...detail, canEdit };
}
