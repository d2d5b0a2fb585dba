import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.js';
import {
  attendanceBodySchema,
  cancelBodySchema,
  groupSessionSchema,
  rescheduleBodySchema,
  sessionDetailSchema,
  sessionListQuerySchema,
  upcomingSessionSchema,
} from '../../../shared/schemas/sessions.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { recordAttendance } from '../attendance/record-attendance.js';
import { cancelSession, rescheduleSession } from './change-session.js';
import { presentSession } from './present.js';
import { findSession, listGroupSessions, sessionNumbers, sessionRoster } from './sessions-repository.js';
import { upcomingSessionsFor } from './upcoming.js';

const tags = ['sessions'];
const sessionParams = idParams('sessionId');
const updateSession: RouteAccess = { kind: 'authenticated', resource: 'session', action: 'update', objects: { sessionId: 'session' } };

export const sessionRoutes = [
  defineRoute({
    id: 'sessions.list',
    method: 'GET',
    url: '/api/groups/:groupId/sessions',
    summary: 'A group’s sessions',
    tags,
    access: { kind: 'authenticated', resource: 'session', action: 'read', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    query: sessionListQuerySchema,
    response: { 200: z.object({ sessions: z.array(groupSessionSchema) }) },
    async handler({ params, query }, ctx) {
      const groupId = String(params.groupId);
      const [group, rows, numbers] = await Promise.all([
        ctx.db.selectFrom('therapy_groups').select('timezone').where('id', '=', groupId).executeTakeFirstOrThrow(),
        listGroupSessions(ctx.db, groupId, { ...query, now: ctx.now }),
        sessionNumbers(ctx.db, groupId),
      ]);
      return { sessions: rows.map((r) => presentSession(r, group.timezone, numbers)) };
    },
  }),
  defineRoute({
    id: 'sessions.get',
    method: 'GET',
    url: '/api/group-sessions/:sessionId',
    summary: 'A session with its plan and (for facilitators) its roster and attendance',
    tags,
    access: { kind: 'authenticated', resource: 'session', action: 'read', objects: { sessionId: 'session' } },
    params: sessionParams,
    response: { 200: sessionDetailSchema },
    async handler({ params }, ctx) {
      const session = await findSession(ctx.db, String(params.sessionId));
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
    },
  }),
  defineRoute({
    id: 'sessions.cancel',
    method: 'POST',
    url: '/api/group-sessions/:sessionId/cancel',
    summary: 'Cancel an upcoming session (members are told in the app)',
    tags,
    access: updateSession,
    params: sessionParams,
    body: cancelBodySchema,
    async handler({ params, body }, ctx) {
      await cancelSession(ctx, String(params.sessionId), body.reason);
    },
  }),
  defineRoute({
    id: 'sessions.reschedule',
    method: 'POST',
    url: '/api/group-sessions/:sessionId/reschedule',
    summary: 'Move an upcoming session (members are told in the app)',
    tags,
    access: updateSession,
    params: sessionParams,
    body: rescheduleBodySchema,
    async handler({ params, body }, ctx) {
      await rescheduleSession(ctx, String(params.sessionId), body.startsAtLocal, body.durationMinutes);
    },
  }),
  defineRoute({
    id: 'attendance.record',
    method: 'PUT',
    url: '/api/group-sessions/:sessionId/attendance',
    summary: 'Record attendance: one status for everyone, then the exceptions',
    tags,
    access: { kind: 'authenticated', resource: 'attendance', action: 'update', objects: { sessionId: 'session' } },
    params: sessionParams,
    body: attendanceBodySchema,
    async handler({ params, body }, ctx) {
      await recordAttendance(ctx, String(params.sessionId), body);
    },
  }),
  defineRoute({
    id: 'sessions.upcoming',
    method: 'GET',
    url: '/api/me/upcoming-sessions',
    summary: 'My next sessions across my groups',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'read' },
    response: { 200: z.object({ sessions: z.array(upcomingSessionSchema) }) },
    async handler(_input, ctx) {
      return { sessions: await upcomingSessionsFor(ctx.db, ctx.principal, ctx.now, 20) };
    },
  }),
];
