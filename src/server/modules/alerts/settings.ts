import type { DbOrTx } from '../../db/database.js';

/** Service-wide settings with their defaults. */
export const SETTING_DEFAULTS = {
  /** Minutes within which an urgent alert should be acknowledged before it escalates. */
  'alerts.urgent_ack_minutes': '60',
  /** Minutes for a concern-tier alert. */
  'alerts.concern_ack_minutes': '1440',
  /** The clinician unacknowledged alerts escalate to (user id; empty = none). */
  'alerts.backup_clinician_id': '',
  /**
   * Whether risk noticed in a member's PRIVATE journal raises an alert for their clinicians
   * ('true' / 'false'). Off by default: the journal is private, and the group agreement must
   * say so if a service turns this on. The author always sees their safety plan and the crisis line.
   */
  'risk.journal_alerts': 'false',
  /**
   * Minutes within which a member's risk-language alerts fold into one open alert: a new message
   * within this time of the latest one in the fold joins it instead of opening a new card.
   */
  'alerts.fold_window_minutes': '120',
  /** Whether missed sessions in a row raise a "reach out" alert: 'on' or 'off'. */
  'attendance.absence_alert': 'on',
  /** Sessions missed in a row (absent or excused) that raise it, once per run of absences. */
  'attendance.absence_alert_after': '2',
  /**
   * The title of a session in people's calendar feeds. Discreet by default: a calendar is synced to
   * other providers and read on lock screens and shared screens, so it names no service, clinic or
   * condition unless a person chooses to show the service's name (calendar_preferences).
   */
  'calendar.event_title': 'Group session',
  /**
   * What a calendar event shows when its owner has not chosen (calendar_preferences): 'discreet'
   * (the title above and the time; no service name, no place) or 'full' (the service's name and
   * the session's place). A person's own choice always wins.
   */
  'calendar.default_privacy': 'discreet',
  /**
   * The billing export's columns as a JSON array of keys (shared/schemas/billing.ts), in order;
   * '' = the default. Changed through PUT /api/admin/billing-columns, which checks every key.
   */
  'billing.columns': '',
  /** Responses to the same instrument after which "not improving" is raised. */
  'measures.not_improving_after': '6',
  /**
   * The isolation early warning's thresholds as JSON (modules/isolation/thresholds.ts); '{}' keeps
   * the defaults. Changed through PATCH /api/admin/isolation-thresholds, which validates them.
   */
  'isolation.thresholds': '{}',
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;

export async function getSetting(db: DbOrTx, key: SettingKey): Promise<string> {
  const row = await db.selectFrom('service_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? SETTING_DEFAULTS[key];
}

export async function getSettings(db: DbOrTx): Promise<Record<SettingKey, string>> {
  const rows = await db.selectFrom('service_settings').select(['key', 'value']).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(Object.entries(SETTING_DEFAULTS).map(([k, v]) => [k, stored.get(k) ?? v])) as Record<SettingKey, string>;
}

export async function putSetting(db: DbOrTx, key: SettingKey, value: string, userId: string, now: Date): Promise<void> {
  const existing = await db.selectFrom('service_settings').select('key').where('key', '=', key).executeTakeFirst();
  if (existing) await db.updateTable('service_settings').set({ value, updated_at: now.toISOString(), updated_by: userId }).where('key', '=', key).execute();
  else await db.insertInto('service_settings').values({ key, value, updated_at: now.toISOString(), updated_by: userId }).execute();
}

/** Whether risk noticed in a member's private journal alerts their care team now ('risk.journal_alerts'). */
export async function journalAlertsOn(db: DbOrTx): Promise<boolean> {
  return (await getSetting(db, 'risk.journal_alerts')) === 'true';
}
