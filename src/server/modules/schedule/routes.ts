import { idParams } from '../../../shared/schemas/common.js';
import {
  attendanceBodySchema,
  cancelBodySchema,
  groupSessionListSchema,
  rescheduleBodySchema,
  sessionDetailSchema,
  sessionListQuerySchema,
  upcomingSessionListSchema,
} from '../../../shared/schemas/sessions.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { recordAttendance } from '../attendance/record-attendance.js';
import { cancelSession, rescheduleSession } from './change-session.js';
import { listSessions } from './list-sessions.js';
import { sessionDetail } from './session-detail.js';
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
    response: { 200: groupSessionListSchema },
    async handler({ params, query }, ctx) {
      return listSessions(ctx, params.groupId, query);
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
      return sessionDetail(ctx, params.sessionId);
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
    errors: ['invalid_state'],
    async handler({ params, body }, ctx) {
      await cancelSession(ctx, params.sessionId, body.reason);
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
      await rescheduleSession(ctx, params.sessionId, body.startsAtLocal, body.durationMinutes);
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
    errors: ['invalid_state', 'not_a_member', 'session_cancelled'],
    async handler({ params, body }, ctx) {
      await recordAttendance(ctx, params.sessionId, body);
    },
  }),
  defineRoute({
    id: 'sessions.upcoming',
    method: 'GET',
    url: '/api/me/upcoming-sessions',
    summary: 'My next sessions across my groups',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'read' },
    response: { 200: upcomingSessionListSchema },
    async handler(_input, ctx) {
      return { sessions: await upcomingSessionsFor(ctx.db, ctx.principal, ctx.now, 20) };
    },
  }),
];
