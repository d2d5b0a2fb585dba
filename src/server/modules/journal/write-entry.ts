import type { z } from 'zod';
import type { JournalEntry, JournalWriteResponse, journalBodySchema } from '../../../shared/schemas/journal.js';
import type { FastifyBaseLogger } from 'fastify';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { journalAlertsOn } from '../alerts/settings.js';
import { RISK_KIND_LABELS } from '../moderation/record-moderation.js';
import { assessRisk } from '../risk/assess-risk.js';
import { helpForRisk } from '../safety-plans/help-for-risk.js';
import { loadEntry } from './repository.js';
import { enrolmentAt } from '../../policy/membership.js';

type EntryInput = z.output<typeof journalBodySchema>;
/** Where a detector failure is logged (the request's logger). */
type Log = Pick<FastifyBaseLogger, 'error'>;

// Journal text is clinical-grade sensitive: audit rows carry ids only, never the text.

/**
 * Risk in a private entry: the author always gets their safety plan (or, when someone is in
 * danger, the emergency and safeguarding numbers) and the crisis line. Clinicians are told only
 * where the service turned 'risk.journal_alerts' on — the alert names no words of the entry.
 * A detector failure never stops the entry being saved.
 */
async function supportFor(ctx: UseCaseContext, log: Log, entryId: string, body: string): Promise<JournalWriteResponse['support']> {
  let risk: ReturnType<typeof assessRisk>;
  try {
    risk = assessRisk(body);
  } catch (error) {
    log.error({ err: error, entryId }, 'risk detector failed on a journal entry');
    return null;
  }
  if (risk.tier === 'none') return null;
  const alertsOn = await journalAlertsOn(ctx.db);
  if (alertsOn) {
    const enrolment = await ctx.db
      .selectFrom('enrolments')
      .select(['id', 'group_id'])
      .where('participant_id', '=', ctx.principal.userId)
      .where(enrolmentAt('reach', 'status'))
      .orderBy('joined_at', 'desc')
      .executeTakeFirst();
    await raiseAlert(ctx.db, {
      kind: 'risk_language',
      tier: risk.tier,
      participantId: ctx.principal.userId,
      enrolmentId: enrolment?.id ?? null,
      groupId: enrolment?.group_id ?? null,
      sourceType: 'journal_entry',
      sourceId: entryId,
      summary: `${risk.tier === 'urgent' ? 'Urgent' : 'Possible'} risk (${RISK_KIND_LABELS[risk.kind === 'none' ? 'self_harm' : risk.kind]}) in a private journal entry. The entry stays private unless the member shares it; contact the member.`,
      now: ctx.now,
    });
  }
  // No audit row of its own: administrators read the audit log, and a row written only when an
  // entry sounded risky would tell them so. The alert (when on) is the clinical record of it.
  return {
    tier: risk.tier,
    kind: risk.kind,
    explanation: risk.plainExplanation,
    ...(await helpForRisk(ctx, risk)),
    crisisLine: ctx.hearth.config.crisisLine,
    careTeamTold: alertsOn,
  };
}

/** Writes a private journal entry. */
export async function createEntry(ctx: UseCaseContext, log: Log, input: EntryInput): Promise<JournalWriteResponse> {
  const id = newId();
  const now = ctx.now.toISOString();
  await ctx.db
    .insertInto('journal_entries')
    .values({ id, participant_id: ctx.principal.userId, prompt: input.prompt, body: input.body, shared_with_clinician_at: null, created_at: now, updated_at: now })
    .execute();
  await ctx.audit({ action: 'journal.create', resourceType: 'journal_entry', resourceId: id, detail: { prompted: input.prompt !== null } });
  return { ...(await loadEntry(ctx.db, id)), support: await supportFor(ctx, log, id, input.body) };
}

/** Rewrites an entry (its sharing stays as it was). */
export async function updateEntry(ctx: UseCaseContext, log: Log, id: string, input: EntryInput): Promise<JournalWriteResponse> {
  await ctx.db.updateTable('journal_entries').set({ prompt: input.prompt, body: input.body, updated_at: ctx.now.toISOString() }).where('id', '=', id).execute();
  await ctx.audit({ action: 'journal.update', resourceType: 'journal_entry', resourceId: id });
  return { ...(await loadEntry(ctx.db, id)), support: await supportFor(ctx, log, id, input.body) };
}

/** Deletes an entry for good: a journal is the member's own. */
export async function deleteEntry(ctx: UseCaseContext, id: string): Promise<void> {
  await ctx.db.deleteFrom('journal_entries').where('id', '=', id).execute();
  await ctx.audit({ action: 'journal.delete', resourceType: 'journal_entry', resourceId: id });
}

/** Shares an entry with the member's clinicians, or takes it back (effective at once). */
export async function shareEntry(ctx: UseCaseContext, id: string, share: boolean): Promise<JournalEntry> {
  const row = await ctx.db.selectFrom('journal_entries').select('shared_with_clinician_at').where('id', '=', id).executeTakeFirstOrThrow();
  if (share !== (row.shared_with_clinician_at !== null)) {
    await ctx.db
      .updateTable('journal_entries')
      .set({ shared_with_clinician_at: share ? ctx.now.toISOString() : null })
      .where('id', '=', id)
      .execute();
    await ctx.audit({ action: share ? 'journal.share' : 'journal.unshare', resourceType: 'journal_entry', resourceId: id });
  }
  return loadEntry(ctx.db, id);
}
