import {
  alertContactResponseSchema,
  alertCountSchema,
  alertListQuerySchema,
  alertListResponseSchema,
  alertResolveBodySchema,
  alertStatsSchema,
  settingsSchema,
  settingsUpdateBodySchema,
} from '../../../shared/schemas/alerts.js';
import { idParams } from '../../../shared/schemas/common.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { contactForAlert } from '../contacts/contact-for-alert.js';
import { acknowledgeAlert } from './acknowledge-alert.js';
import { alertCount } from './alert-count.js';
import { alertStats } from './alert-stats.js';
import { listAlerts } from './list-alerts.js';
import { resolveAlert } from './resolve-alert.js';
import { getSettings } from './settings.js';
import { updateSettings } from './update-settings.js';

const tags = ['alerts'];
const alertParams = idParams('alertId');
const onAlert: RouteAccess = { kind: 'authenticated', resource: 'alert', action: 'update', objects: { alertId: 'alert' } };

export const alertRoutes = [
  defineRoute({
    id: 'alerts.count',
    method: 'GET',
    url: '/api/alerts/count',
    summary:
      'How many alerts of mine nobody has acknowledged, by tier, how many are past their acknowledgement target, and the oldest one’s age against its target (the navigation badge and the home banner); no clinical detail, so not audited',
    tags,
    access: { kind: 'authenticated', resource: 'alert', action: 'read' },
    response: { 200: alertCountSchema },
    async handler(_input, ctx) {
      return alertCount(ctx);
    },
  }),
  defineRoute({
    id: 'alerts.list',
    method: 'GET',
    url: '/api/alerts',
    summary: 'The clinician alert queue: urgent first, then by acknowledgement deadline; with response times and how many items each alert stands for',
    tags,
    access: { kind: 'authenticated', resource: 'alert', action: 'read' },
    query: alertListQuerySchema,
    response: { 200: alertListResponseSchema },
    transaction: true,
    async handler({ query }, ctx) {
      return listAlerts(ctx, query.status);
    },
  }),
  defineRoute({
    id: 'alerts.acknowledge',
    method: 'POST',
    url: '/api/alerts/:alertId/acknowledge',
    summary: 'Acknowledge an alert (stops the escalation clock)',
    tags,
    access: onAlert,
    params: alertParams,
    errors: ['invalid_state'],
    async handler({ params }, ctx) {
      await acknowledgeAlert(ctx, params.alertId);
    },
  }),
  defineRoute({
    id: 'alerts.resolve',
    method: 'POST',
    url: '/api/alerts/:alertId/resolve',
    summary: 'Resolve an alert with its outcome',
    tags,
    access: onAlert,
    params: alertParams,
    body: alertResolveBodySchema,
    async handler({ params, body }, ctx) {
      await resolveAlert(ctx, params.alertId, body.outcome, body.note);
    },
  }),
  defineRoute({
    id: 'alerts.contact',
    method: 'GET',
    url: '/api/alerts/:alertId/contact',
    summary: 'How to reach the member an alert is about (phones, preferred contact), for clinicians who may see the member; audited read',
    tags,
    access: { kind: 'authenticated', resource: 'alert', action: 'read', objects: { alertId: 'alert' } },
    params: alertParams,
    response: { 200: alertContactResponseSchema },
    transaction: true,
    async handler({ params }, ctx) {
      return contactForAlert(ctx, params.alertId);
    },
  }),
  defineRoute({
    id: 'alerts.stats',
    method: 'GET',
    url: '/api/alerts/stats',
    summary: 'Alert outcomes and response times against the service target (false positives counted)',
    tags,
    access: { kind: 'authenticated', resource: 'report', action: 'read' },
    response: { 200: alertStatsSchema },
    async handler(_input, ctx) {
      return alertStats(ctx);
    },
  }),
  defineRoute({
    id: 'settings.get',
    method: 'GET',
    url: '/api/admin/settings',
    summary: 'Service settings (alert targets, the fallback clinician for rota gaps and the last escalation step)',
    tags: ['admin'],
    access: { kind: 'authenticated', resource: 'settings', action: 'read' },
    response: { 200: settingsSchema },
    async handler(_input, ctx) {
      return getSettings(ctx.db);
    },
  }),
  defineRoute({
    id: 'settings.update',
    method: 'PATCH',
    url: '/api/admin/settings',
    summary: 'Change service settings',
    tags: ['admin'],
    access: { kind: 'authenticated', resource: 'settings', action: 'update' },
    body: settingsUpdateBodySchema,
    response: { 200: settingsSchema },
    async handler({ body }, ctx) {
      return updateSettings(ctx, body);
    },
  }),
];
