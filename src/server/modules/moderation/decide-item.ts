import { AppError } from '../../http/errors.js';
import type { RouteContext } from '../../http/route.js';
import { newId } from '../../lib/ids.js';
import type { ContentKind } from './moderate-text.js';
import { appendModerationLog, KIND_LABELS } from './record-moderation.js';
import { loadItem, moderatedKind, setItemStatus } from './registry.js';
import { announceNotifications } from '../notifications/announce.js';

/**
 * A facilitator approves or rejects a held item of any kind: the item's status changes through its
 * kind's registration, the decision and its reason go to the moderation log, and the author gets
 * an in-app notification saying what happened and why (never who decided: "a facilitator").
 */
export async function decideHeldItem(ctx: RouteContext, itemId: string, decision: 'approve' | 'reject', reason: string | undefined): Promise<{ status: string }> {
  const first = await ctx.db.selectFrom('moderation_log').select(['item_kind', 'group_id', 'author_id']).where('item_id', '=', itemId).orderBy('created_at').limit(1).executeTakeFirstOrThrow();
  const kind = first.item_kind as ContentKind;
  const def = moderatedKind(kind);
  if (!def) throw new AppError('invalid_state', `Items of kind “${kind}” cannot be decided here.`);
  const item = await loadItem(ctx.db, kind, itemId);
  if (!item) throw new AppError('not_found', 'This item was not found.');
  const to = decision === 'approve' ? 'published' : 'rejected';
  if (!(await setItemStatus(ctx.db, kind, itemId, 'held', to))) {
    throw new AppError('invalid_state', `This ${KIND_LABELS[kind]} is no longer waiting for a decision (it is ${item.status}).`);
  }
  const why = reason?.trim() || (decision === 'approve' ? 'Approved by a facilitator.' : '');
  const now = ctx.now;
  await appendModerationLog(ctx.db, {
    item: { kind, id: itemId, groupId: item.groupId, authorId: item.authorId },
    actorId: ctx.principal.userId,
    action: decision === 'approve' ? 'approved' : 'rejected',
    reason: why,
    now,
  });
  await def.onDecision?.(ctx.db, itemId, to, now);
  const group = await ctx.db.selectFrom('therapy_groups').select('name').where('id', '=', item.groupId).executeTakeFirst();
  const label = KIND_LABELS[kind];
  await ctx.db
    .insertInto('notifications')
    .values({
      id: newId(),
      user_id: item.authorId,
      kind: decision === 'approve' ? 'moderation_approved' : 'moderation_rejected',
      title: decision === 'approve' ? `Your ${label} is now visible to the group` : `Your ${label} was not published`,
      body:
        decision === 'approve'
          ? `A facilitator read your ${label} in ${group?.name ?? 'your group'} and it is now visible to the group.`
          : `A facilitator did not publish your ${label} in ${group?.name ?? 'your group'}. Their reason: ${why} You can still see it yourself, and talk it through with them.`,
      group_id: item.groupId,
      session_id: null,
      created_at: now.toISOString(),
      read_at: null,
    })
    .execute();
  // The author's open pages hear about it at commit (the notification count, their item's status).
  await announceNotifications(ctx.db, [item.authorId]);
  await ctx.audit({ action: `moderation.${decision}`, resourceType: kind, resourceId: itemId, groupId: item.groupId, detail: { reasonGiven: !!reason } });
  return { status: to };
}
