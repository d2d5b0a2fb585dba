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
    if (user?.role !== 'clinician')
      throw new AppError('validation_failed', 'The backup must be an active clinician.', [{ path: 'body.alerts.backup_clinician_id', message: 'Not an active clinician.' }]);
  }
  // The discreet title is what every calendar shows when people have not chosen otherwise: it
  // must not name the service (the service's name is shown only to those who choose it).
  const title = changes['calendar.event_title'];
  const serviceName = ctx.hearth.config.serviceName.trim().toLowerCase();
  if (title && serviceName && title.toLowerCase().includes(serviceName)) {
    throw new AppError('validation_failed', 'The calendar title is discreet: leave the service’s name out of it.', [
      { path: 'body.calendar.event_title', message: 'Names the service.' },
    ]);
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
