import type { HomePreferences } from '../../../shared/schemas/your-connections.js';
import type { DbOrTx } from '../../db/database.js';
import type { UseCaseContext } from '../../http/use-case.js';

/** What the participant chose to see on their home; without a row, every card shows. */
export async function findHomePreferences(db: DbOrTx, userId: string): Promise<HomePreferences> {
  const row = await db.selectFrom('home_preferences').select('show_connections').where('user_id', '=', userId).executeTakeFirst();
  return { showConnections: row ? row.show_connections === 1 : true };
}

/** Hides or shows "Your connections" on the caller's home; audited with the new value. */
export async function updateHomePreferences(ctx: UseCaseContext, next: HomePreferences): Promise<HomePreferences> {
  const values = { show_connections: next.showConnections ? 1 : 0, updated_at: ctx.now.toISOString() };
  await ctx.db
    .insertInto('home_preferences')
    .values({ user_id: ctx.principal.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
  await ctx.audit({ action: 'home.preferences.update', resourceType: 'user', resourceId: ctx.principal.userId, detail: { showConnections: next.showConnections } });
  return next;
}
