import type { AlertContext } from '../../../shared/schemas/moderation.js';
import type { RouteContext } from '../../http/route.js';
import { assessRisk } from '../risk/assess-risk.js';
import { hasSafetyPlan } from '../safety-plans/repository.js';
import type { ContentKind } from './moderate-text.js';
import { KIND_LABELS } from './record-moderation.js';
import { listItems, loadItem, moderatedKind } from './registry.js';

/** How many of the author's recent items in the group the alert card shows. */
const HISTORY_ITEMS = 10;

/**
 * For an alert raised from the group space: the item's text, the rules that fired (for risk
 * alerts) and the author's recent items in that group across kinds. The route has checked the
 * alert is in the clinician's scope; reading it is audited.
 */
export async function alertContext(ctx: RouteContext, alertId: string): Promise<AlertContext> {
  const alert = await ctx.db.selectFrom('alerts').select(['kind', 'source_type', 'source_id', 'participant_id', 'group_id']).where('id', '=', alertId).executeTakeFirstOrThrow();
  const kind = alert.source_type as ContentKind;
  const empty: AlertContext = { item: null, risk: null, history: [], hasSafetyPlan: await hasSafetyPlan(ctx.db, alert.participant_id) };
  if (!moderatedKind(kind) || !alert.group_id) {
    await ctx.audit({ action: 'alerts.context', resourceType: 'alert', resourceId: alertId, detail: { item: false } });
    return empty;
  }
  const item = await loadItem(ctx.db, kind, alert.source_id);
  const history = (await listItems(ctx.db, { groupIds: [alert.group_id], statuses: ['published', 'held', 'rejected', 'removed'], authorId: alert.participant_id, limit: HISTORY_ITEMS + 1 }))
    .filter((h) => h.id !== alert.source_id)
    .slice(0, HISTORY_ITEMS);
  const risk = item && alert.kind === 'risk_language' ? assessRisk(item.text) : null;
  await ctx.audit({ action: 'alerts.context', resourceType: 'alert', resourceId: alertId, groupId: alert.group_id, detail: { item: !!item, history: history.length } });
  return {
    ...empty,
    item: item ? { kind, kindLabel: KIND_LABELS[kind], id: item.id, text: item.text, status: item.status, createdAt: item.createdAt } : null,
    risk: risk ? { tier: risk.tier, kind: risk.kind, explanation: risk.explanation } : null,
    history: history.map((h) => ({ kind: h.kind, kindLabel: KIND_LABELS[h.kind], id: h.id, text: h.text, status: h.status, createdAt: h.createdAt })),
  };
}
