import type { UseCaseContext } from '../../http/use-case.js';
import { isMyClinician } from '../goals/audience.js';
import { listEntries } from './repository.js';

/**
 * The entries a member shared with their clinicians, for one of those clinicians (facilitator of
 * a current group, or referrer). Everything else stays private, clinicians included. Every read
 * leaves an audit row naming the entries read.
 */
export async function memberJournal(ctx: UseCaseContext, enrolmentId: string) {
  const enrolment = await ctx.db.selectFrom('enrolments').select(['participant_id', 'group_id']).where('id', '=', enrolmentId).executeTakeFirstOrThrow();
  const allowed = await isMyClinician(ctx.db, enrolment.participant_id, ctx.principal.userId);
  const entries = allowed ? await listEntries(ctx.db, enrolment.participant_id, true) : [];
  await ctx.audit({
    action: 'journal.member.read',
    resourceType: 'enrolment',
    resourceId: enrolmentId,
    groupId: enrolment.group_id,
    detail: {
      entries: entries.length,
      ids: entries
        .map((e) => e.id)
        .join(',')
        .slice(0, 2000),
    },
  });
  return { entries };
}
