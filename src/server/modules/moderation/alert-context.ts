import type { AlertContext } from '../../../shared/schemas/moderation.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { listAlertSources } from '../alerts/sources.js';
import { assessRisk } from '../risk/assess-risk.js';
import { hasSafetyPlan } from '../safety-plans/repository.js';
import { kindLabel, moderatedKind, type ContentKind } from './kinds.js';
import { listItems, loadItem } from './registry.js';

/** How many of the author's recent items in the group the alert card shows. */
const HISTORY_ITEMS = 10;

/**
 * For an alert raised from the group space: every item behind it (a folded risk alert has
 * several), each with its tier, time and the rules that fired (for risk alerts), and the author's
 * other recent items in that group across kinds. The one place that reads the items behind an
 * alert. The route has checked the alert is in the clinician's scope; reading it is audited.
 */
export async function alertContext(ctx: UseCaseContext, alertId: string): Promise<AlertContext> {
  const alert = await ctx.db.selectFrom('alerts').select(['kind', 'source_type', 'source_id', 'participant_id', 'group_id']).where('id', '=', alertId).executeTakeFirstOrThrow();
  const empty: AlertContext = { item: null, risk: null, sources: [], history: [], hasSafetyPlan: await hasSafetyPlan(ctx.db, alert.participant_id) };
  const refs = (await listAlertSources(ctx.db, alertId)).filter((s) => moderatedKind(s.sourceType));
  if (refs.length === 0 || !alert.group_id) {
    await ctx.audit({ action: 'alerts.context', resourceType: 'alert', resourceId: alertId, detail: { item: false } });
    return empty;
  }
  const sources = [];
  for (const ref of refs) {
    const kind = ref.sourceType as ContentKind;
    const item = await loadItem(ctx.db, kind, ref.sourceId);
    const explanation = item && alert.kind === 'risk_language' ? assessRisk(item.text).explanation : [];
    sources.push({
      kind,
      kindLabel: kindLabel(kind),
      id: ref.sourceId,
      tier: ref.tier,
      createdAt: ref.createdAt,
      text: item?.text ?? null,
      status: item?.status ?? null,
      explanation,
      item,
    });
  }
  const ids = new Set(refs.map((r) => r.sourceId));
  const history = (
    await listItems(ctx.db, { groupIds: [alert.group_id], statuses: ['published', 'held', 'rejected', 'removed'], authorId: alert.participant_id, limit: HISTORY_ITEMS + ids.size })
  )
    .filter((h) => !ids.has(h.id))
    .slice(0, HISTORY_ITEMS);
  const first = sources.find((s) => s.id === alert.source_id) ?? sources[0];
  const risk = first?.item && alert.kind === 'risk_language' ? assessRisk(first.item.text) : null;
  await ctx.audit({
    action: 'alerts.context',
    resourceType: 'alert',
    resourceId: alertId,
    groupId: alert.group_id,
    detail: { item: !!first?.item, sources: sources.length, history: history.length },
  });
  return {
    ...empty,
    item: first?.item ? { kind: first.kind, kindLabel: first.kindLabel, id: first.id, text: first.item.text, status: first.item.status, createdAt: first.item.createdAt } : null,
    risk: risk ? { tier: risk.tier, kind: risk.kind, explanation: risk.explanation } : null,
    sources: sources.map(({ item: _item, ...source }) => source),
    history: history.map((h) => ({ kind: h.kind, kindLabel: kindLabel(h.kind), id: h.id, text: h.text, status: h.status, createdAt: h.createdAt })),
  };
}
