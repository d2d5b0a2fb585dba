import { AppError, notFound } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../notifications/notify.js';

/**
 * A facilitator curates a published strategy of their group into the programme's library: a
 * copy credited by the author's pseudonym or as "a group member", with an optional evidence note.
 * The author is told. Curating a strategy already in the library is refused.
 */
export async function curateStrategy(ctx: UseCaseContext, strategyId: string, input: { credit: 'pseudonym' | 'anonymous'; evidenceNote?: string | undefined }): Promise<string> {
  const strategy = await ctx.db
    .selectFrom('strategies as s')
    .innerJoin('enrolments as e', 'e.id', 's.enrolment_id')
    .innerJoin('therapy_groups as g', 'g.id', 's.group_id')
    .select(['s.id', 's.group_id', 's.author_id', 's.title', 's.when_helps', 's.steps', 's.moderation_status', 'e.pseudonym', 'g.programme_id', 'g.name as group_name'])
    .where('s.id', '=', strategyId)
    .executeTakeFirst();
  if (!strategy) throw notFound('This strategy');
  if (strategy.moderation_status !== 'published') throw new AppError('invalid_state', 'Only a published strategy can go into the library.');
  const existing = await ctx.db.selectFrom('library_entries').select('id').where('strategy_id', '=', strategyId).where('status', '=', 'active').executeTakeFirst();
  if (existing) throw new AppError('already_in_library', 'This strategy is already in the library.');
  const id = newId();
  const now = ctx.now.toISOString();
  await ctx.db
    .insertInto('library_entries')
    .values({
      id,
      programme_id: strategy.programme_id,
      group_id: strategy.group_id,
      strategy_id: strategy.id,
      title: strategy.title,
      when_helps: strategy.when_helps,
      steps: strategy.steps,
      credit: input.credit,
      credit_name: input.credit === 'pseudonym' ? strategy.pseudonym : null,
      evidence_note: input.evidenceNote ?? null,
      search_text: [strategy.title, strategy.when_helps, strategy.steps].join('\n').toLowerCase(),
      status: 'active',
      curated_by: ctx.principal.userId,
      curated_at: now,
      removed_by: null,
      removed_at: null,
      removal_reason: null,
    })
    .execute();
  await notify(
    ctx.db,
    [
      {
        userId: strategy.author_id,
        kind: 'strategy_curated',
        title: 'Your strategy is in the programme library',
        body: `"${strategy.title}" can now help people in other groups too, credited ${input.credit === 'pseudonym' ? `to ${strategy.pseudonym}` : 'to a group member'}. You can ask for it to be taken out at any time.`,
        groupId: strategy.group_id,
        sessionId: null,
      },
    ],
    ctx.now,
  );
  await ctx.audit({ action: 'library.curate', resourceType: 'library_entry', resourceId: id, groupId: strategy.group_id, detail: { strategyId, credit: input.credit } });
  return id;
}
