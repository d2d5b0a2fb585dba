import { facilitatedGroupIds } from '../../policy/membership.js';
import type { MyItem, QueueItem } from '../../../shared/schemas/moderation.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { logsFor, riskTiersFor } from './item-log.js';
import { kindLabel, moderatedKind, type ContentKind } from './kinds.js';
import { listItems, type ModeratedItemRow } from './registry.js';

const QUEUE_LIMIT = 200;
/** Flagged items stay in the queue for a week after publishing. */
const FLAGGED_DAYS = 7;

async function present(ctx: UseCaseContext, rows: ModeratedItemRow[]): Promise<QueueItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const groupIds = [...new Set(rows.map((r) => r.groupId))];
  const authorIds = [...new Set(rows.map((r) => r.authorId))];
  const [logs, tiers, users, enrolments, groups] = await Promise.all([
    logsFor(ctx.db, ids),
    riskTiersFor(ctx.db, ids),
    ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', authorIds).execute(),
    ctx.db.selectFrom('enrolments').select(['participant_id', 'group_id', 'pseudonym']).where('participant_id', 'in', authorIds).where('group_id', 'in', groupIds).execute(),
    ctx.db.selectFrom('therapy_groups').select(['id', 'name']).where('id', 'in', groupIds).execute(),
  ]);
  return rows.map((r) => {
    const pseudonym = enrolments.find((e) => e.participant_id === r.authorId && e.group_id === r.groupId)?.pseudonym ?? null;
    return {
      kind: r.kind,
      kindLabel: kindLabel(r.kind),
      id: r.id,
      groupId: r.groupId,
      groupName: groups.find((g) => g.id === r.groupId)?.name ?? '',
      author: { id: r.authorId, pseudonym, displayName: users.find((u) => u.id === r.authorId)?.display_name ?? '' },
      text: r.text,
      editable: !!moderatedKind(r.kind)?.editableColumn,
      status: r.status,
      createdAt: r.createdAt,
      riskTier: tiers.get(r.id) ?? 'none',
      log: logs.get(r.id) ?? [],
    };
  });
}

/** Held items of every kind in the groups I facilitate (oldest first: first in, first read), and recently flagged ones. */
export async function moderationQueue(ctx: UseCaseContext): Promise<{ held: QueueItem[]; flagged: QueueItem[] }> {
  const groups = await facilitatedGroupIds(ctx.db, ctx.principal.userId).execute();
  const groupIds = groups.map((g) => g.group_id);
  const held = (await listItems(ctx.db, { groupIds, statuses: ['held'], limit: QUEUE_LIMIT })).reverse();
  const since = new Date(ctx.now.getTime() - FLAGGED_DAYS * 86_400_000).toISOString();
  const flaggedIds = groupIds.length
    ? await ctx.db
        .selectFrom('moderation_log')
        .select(['item_id', 'item_kind'])
        .where('group_id', 'in', groupIds)
        .where('action', '=', 'flagged')
        .where('created_at', '>=', since)
        .execute()
    : [];
  const published = await listItems(ctx.db, { groupIds, statuses: ['published'], limit: QUEUE_LIMIT });
  const flaggedSet = new Set(flaggedIds.map((f) => `${f.item_kind}:${f.item_id}`));
  const flagged = published.filter((p) => flaggedSet.has(`${p.kind}:${p.id}`));
  await ctx.audit({ action: 'moderation.queue', detail: { held: held.length, flagged: flagged.length } });
  return { held: await present(ctx, held), flagged: await present(ctx, flagged) };
}

/** My own items that were held, rejected or removed, with what happened and why (authors see status and outcome). */
export async function myModeratedItems(ctx: UseCaseContext): Promise<MyItem[]> {
  const groups = await ctx.db.selectFrom('enrolments').select('group_id').where('participant_id', '=', ctx.principal.userId).execute();
  const rows = await listItems(ctx.db, { groupIds: groups.map((g) => g.group_id), statuses: ['held', 'rejected', 'removed'], authorId: ctx.principal.userId, limit: 100 });
  const logs = await logsFor(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = rows.length
    ? await ctx.db
        .selectFrom('therapy_groups')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(rows.map((r) => r.groupId))])
        .execute()
    : [];
  return rows.map((r) => ({
    kind: r.kind as ContentKind,
    kindLabel: kindLabel(r.kind),
    id: r.id,
    groupName: names.find((n) => n.id === r.groupId)?.name ?? '',
    text: r.text,
    status: r.status,
    createdAt: r.createdAt,
    log: logs.get(r.id) ?? [],
  }));
}
