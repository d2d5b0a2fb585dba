import type { UseCaseContext } from '../../http/use-case.js';
import { presentSession } from './presenters.js';
import { findSession, sessionNumbers, sessionRoster } from './repository.js';

/** A session with its plan and, for its facilitators, its roster and attendance (that read audited). */
export async function sessionDetail(ctx: UseCaseContext, sessionId: string) {
  const session = await findSession(ctx.db, sessionId);
  if (!session) throw new Error('session vanished');
  const facilitator = ctx.principal.role === 'clinician';
  const [numbers, roster] = await Promise.all([sessionNumbers(ctx.db, session.group_id), facilitator ? sessionRoster(ctx.db, session) : Promise.resolve([])]);
  if (facilitator) await ctx.audit({ action: 'attendance.read', resourceType: 'group_session', resourceId: session.id, groupId: session.group_id });
  return {
    session: presentSession(session, session.timezone, numbers),
    groupName: session.group_name,
    plan: session.plan_topic
      ? {
          topic: session.plan_topic,
          skillFocus: session.skill_focus ?? '',
          exercises: JSON.parse(session.exercises ?? '[]') as string[],
          reflectionPrompts: JSON.parse(session.reflection_prompts ?? '[]') as string[],
        }
      : null,
    location: session.location,
    meetingUrl: session.meeting_url,
    roster: roster.map((r) => ({ enrolmentId: r.id, pseudonym: r.pseudonym, displayName: r.display_name, attendance: r.attendance, minutes: r.minutes })),
  };
}
