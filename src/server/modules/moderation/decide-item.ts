import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { kindLabel, moderatedKind, type ContentKind } from './kinds.js';
import { appendModerationLog } from './record-moderation.js';
import { normalizeForStorage } from './normalize-text.js';
import { loadItem, setHeldItemText, setItemStatus } from './registry.js';
import { notify } from '../notifications/notify.js';

/**
 * Replaces a held item's text with a clinician's edit before it is released; the words first
 * written stay in the moderation log (read by the author and the group's clinicians only).
 */
async function editBeforeRelease(ctx: UseCaseContext, item: { kind: ContentKind; id: string; groupId: string; authorId: string; text: string }, raw: string): Promise<void> {
  const text = normalizeForStorage(raw);
  if (!text) throw new AppError('validation_failed', 'Write something first.', [{ path: 'body.text', message: 'Required.' }]);
  if (text === item.text) return;
  if (!moderatedKind(item.kind)?.editableColumn) {
    throw new AppError('invalid_state', `A ${kindLabel(item.kind)} cannot be edited here; release it as it is, or withdraw it with a reason.`);
  }
  if (!(await setHeldItemText(ctx.db, item.kind, item.id, text))) throw new AppError('invalid_state', `This ${kindLabel(item.kind)} is no longer waiting for a decision.`);
  await appendModerationLog(ctx.db, {
    item,
    actorId: ctx.principal.userId,
    action: 'edited',
    reason: `Edited by a facilitator before the group saw it. First written: “${item.text}”`,
    now: ctx.now,
  });
}

/**
 * A facilitator approves (releases, optionally after editing the text) or rejects (withdraws, with
 * a reason) a held item of any kind: the item's status changes through its kind's registration,
 * the decision and its reason go to the moderation log, and the author gets an in-app notification
 * saying what happened and why (never who decided: "a facilitator").
 */
export async function decideHeldItem(
  ctx: UseCaseContext,
  itemId: string,
  decision: 'approve' | 'reject',
  reason: string | undefined,
  editedText?: string,
): Promise<{ status: string }> {
  const first = await ctx.db
    .selectFrom('moderation_log')
    .select(['item_kind', 'group_id', 'author_id'])
    .where('item_id', '=', itemId)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirstOrThrow();
  const kind = first.item_kind as ContentKind;
  const def = moderatedKind(kind);
  if (!def) throw new AppError('invalid_state', `Items of kind “${kind}” cannot be decided here.`);
  const item = await loadItem(ctx.db, kind, itemId);
  if (!item) throw new AppError('not_found', 'This item was not found.');
  const to = decision === 'approve' ? 'published' : 'rejected';
  const edited = decision === 'approve' && editedText !== undefined && item.status === 'held' && normalizeForStorage(editedText) !== item.text;
  if (edited) await editBeforeRelease(ctx, item, editedText);
  if (!(await setItemStatus(ctx.db, kind, itemId, 'held', to))) {
    throw new AppError('invalid_state', `This ${kindLabel(kind)} is no longer waiting for a decision (it is ${item.status}).`);
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
  await def.onDecision?.(ctx.db, itemId, to, now, why);
  const group = await ctx.db.selectFrom('therapy_groups').select('name').where('id', '=', item.groupId).executeTakeFirst();
  const label = kindLabel(kind);
  // The author's open pages hear about it at commit (the notification count, their item's status).
  await notify(
    ctx.db,
    [
      {
        userId: item.authorId,
        kind: decision === 'approve' ? 'moderation_approved' : 'moderation_rejected',
        title: decision === 'approve' ? `Your ${label} is now visible to the group` : `Your ${label} was not published`,
        body:
          decision === 'approve'
            ? `A facilitator read your ${label} in ${group?.name ?? 'your group'} and it is now visible to the group${edited ? ', with some words changed by them' : ''}.`
            : `A facilitator did not publish your ${label} in ${group?.name ?? 'your group'}. Their reason: ${why} You can still see it yourself, and talk it through with them.`,
        groupId: item.groupId,
        sessionId: null,
      },
    ],
    now,
  );
  await ctx.audit({ action: `moderation.${decision}`, resourceType: kind, resourceId: itemId, groupId: item.groupId, detail: { reasonGiven: !!reason, edited } });
  return { status: to };
}
