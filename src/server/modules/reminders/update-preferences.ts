import type { z } from 'zod';
import type { NotificationKind } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import type { notificationPreferencesBodySchema } from '../../../shared/schemas/reminders.js';
import { preferencesOf, type Channels } from './preferences.js';
import { readPreferences } from './read-preferences.js';

type Body = z.infer<typeof notificationPreferencesBodySchema>;

/**
 * Saves the caller's choices (only the kinds and channels named), audited; returns the preferences
 * as they now stand. Everything is checked before anything is written: a kind that is not for the
 * caller, text messages where the service has no gateway, or text messages without a mobile number
 * are refused with nothing changed.
 */
export async function updatePreferences(ctx: UseCaseContext, body: Body) {
  const me = ctx.principal.userId;
  const member = ctx.principal.role === 'participant';
  const wanted: [NotificationKind, Partial<Channels> | undefined, boolean][] = [
    ['session_reminder', body.sessionReminders, member],
    ['measure_reminder', body.questionnaireReminders, member],
    ['session_digest', body.sessionDigest, !member],
  ];
  const current = await preferencesOf(ctx.db, me);
  const changes: [NotificationKind, Channels][] = [];
  for (const [kind, change, offered] of wanted) {
    if (!change) continue;
    if (!offered)
      throw new AppError('preference_not_offered', member ? 'The session digest is for staff.' : 'Session and questionnaire reminders are for members.', [
        { path: `body.${bodyKey(kind)}`, message: 'Not offered to you.' },
      ]);
    if (change.sms) await requireSms(ctx, kind);
    changes.push([kind, { email: change.email ?? current[kind].email, sms: change.sms ?? current[kind].sms }]);
  }
  const now = ctx.now.toISOString();
  for (const [kind, { email, sms }] of changes) {
    const values = { email: email ? 1 : 0, sms: sms ? 1 : 0, updated_at: now };
    await ctx.db
      .insertInto('notification_preferences')
      .values({ user_id: me, kind, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet(values))
      .execute();
  }
  await ctx.audit({
    action: 'account.notification_preferences.update',
    resourceType: 'user',
    resourceId: me,
    detail: Object.fromEntries(
      changes.flatMap(([kind, c]) => [
        [`${kind}.email`, c.email],
        [`${kind}.sms`, c.sms],
      ]),
    ),
  });
  return readPreferences(ctx);
}

/** Text messages need a gateway and the person's mobile number. */
async function requireSms(ctx: UseCaseContext, kind: NotificationKind): Promise<void> {
  const path = [{ path: `body.${bodyKey(kind)}.sms`, message: 'Not available.' }];
  if (!ctx.hearth.config.smsHttp) throw new AppError('channel_unavailable', 'This service does not send text messages.', path);
  const user = await ctx.db.selectFrom('users').select('mobile_e164').where('id', '=', ctx.principal.userId).executeTakeFirstOrThrow();
  if (!user.mobile_e164) throw new AppError('no_address_for_channel', 'Add your mobile number before turning on text messages.', path);
}

function bodyKey(kind: NotificationKind): string {
  return kind === 'session_reminder' ? 'sessionReminders' : kind === 'measure_reminder' ? 'questionnaireReminders' : 'sessionDigest';
}
