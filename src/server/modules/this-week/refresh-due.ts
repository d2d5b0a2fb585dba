import type { UseCaseContext } from '../../http/use-case.js';
import { recordAudit } from '../audit/record.js';
import { ensureDueRequests } from '../measures/due.js';

export const DUE_CHECKED_MARKER = 'due_checked';
/** How long the home trusts its last look at the questionnaire schedules before looking again. */
const RECHECK_MS = 5 * 60_000;

/**
 * Records questionnaires that have newly fallen due (GET /api/me/measures/due does the same), at
 * most once every five minutes per person, so the home page is a pure read on every other visit.
 * The check, its marker and its audit row run in one transaction of their own.
 */
export async function refreshDueCheckins(ctx: UseCaseContext, lastChecked: string | null): Promise<void> {
  if (lastChecked && ctx.now.getTime() - Date.parse(lastChecked) < RECHECK_MS) return;
  const userId = ctx.principal.userId;
  const at = ctx.now.toISOString();
  const write = async (db: UseCaseContext['db']) => {
    await ensureDueRequests(db, userId, ctx.now);
    await db
      .insertInto('seen_markers')
      .values({ user_id: userId, marker: DUE_CHECKED_MARKER, seen_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'marker']).doUpdateSet({ seen_at: at }))
      .execute();
    await recordAudit(db, ctx.actor, { action: 'me.this_week.due_checked', resourceType: 'user', resourceId: userId }, ctx.now);
  };
  if (ctx.db.isTransaction) await write(ctx.db);
  else await ctx.db.transaction().execute(write);
}
