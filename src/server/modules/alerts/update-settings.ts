import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { restateAgreements } from '../programmes/agreement-safety.js';
import { getSettings, putSetting, SETTING_DEFAULTS, type SettingKey } from './settings.js';

/**
 * Changes service settings (the backup must be an active clinician); a change to whether the
 * journal alerts the care team restates the group agreements that say so. Returns every setting.
 */
export async function updateSettings(ctx: UseCaseContext, changes: Partial<Record<SettingKey, string | undefined>>) {
  const backup = changes['alerts.backup_clinician_id'];
  if (backup) {
    const user = await ctx.db.selectFrom('users').select('role').where('id', '=', backup).where('status', '=', 'active').executeTakeFirst();
    if (user?.role !== 'clinician') throw new AppError('validation_failed', 'The backup must be an active clinician.', [{ path: 'body.alerts.backup_clinician_id', message: 'Not an active clinician.' }]);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && key in SETTING_DEFAULTS) await putSetting(ctx.db, key as SettingKey, value, ctx.principal.userId, ctx.now);
  }
  // The group agreement states whether journal risk alerts the care team: a change restates it.
  const journal = changes['risk.journal_alerts'];
  const restated = journal === undefined ? 0 : await restateAgreements(ctx.db, journal === 'true', ctx.principal.userId, ctx.now);
  await ctx.audit({ action: 'settings.update', detail: { keys: Object.keys(changes).join(','), ...(restated ? { agreementsRestated: restated } : {}) } });
  return getSettings(ctx.db);
}
