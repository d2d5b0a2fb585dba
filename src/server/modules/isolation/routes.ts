import { idParams } from '../../../shared/schemas/common.js';
import {
  isolationDecisionSchema,
  isolationFlagSchema,
  isolationFlagsSchema,
  isolationThresholdsPatchSchema,
  isolationThresholdsSchema,
} from '../../../shared/schemas/isolation.js';
import { defineRoute } from '../../http/route.js';
import { decideFlag } from './decide-flag.js';
import { groupIsolationFlags, myIsolationFlags } from './list-flags.js';
import { readThresholds } from './thresholds.js';
import { updateThresholds } from './update-thresholds.js';

const tags = ['isolation'];

export const isolationRoutes = [
  defineRoute({
    id: 'isolation.mine',
    method: 'GET',
    url: '/api/me/isolation-flags',
    summary: 'Facilitator home: members flagged by the isolation early warning in the groups the caller facilitates, with why',
    tags,
    access: { kind: 'authenticated', resource: 'isolation', action: 'read' },
    response: { 200: isolationFlagsSchema },
    async handler(_input, ctx) {
      return myIsolationFlags(ctx);
    },
  }),
  defineRoute({
    id: 'isolation.group',
    method: 'GET',
    url: '/api/groups/:groupId/isolation-flags',
    summary: 'The isolation early warning of a group, for its facilitators: open flags with their signals, recent decisions, thresholds',
    tags,
    access: { kind: 'authenticated', resource: 'isolation', action: 'read', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    response: { 200: isolationFlagsSchema },
    async handler({ params }, ctx) {
      return groupIsolationFlags(ctx, params.groupId);
    },
  }),
  defineRoute({
    id: 'isolation.decide',
    method: 'POST',
    url: '/api/isolation-flags/:flagId/decision',
    summary: 'Record "reached out" or "dismissed, because …" on an open flag; the member is snoozed and the decision kept',
    tags,
    access: { kind: 'authenticated', resource: 'isolation', action: 'update', objects: { flagId: 'isolationFlag' } },
    params: idParams('flagId'),
    body: isolationDecisionSchema,
    response: { 200: isolationFlagSchema },
    async handler({ params, body }, ctx) {
      return decideFlag(ctx, params.flagId, body);
    },
  }),
  defineRoute({
    id: 'isolation.thresholds.get',
    method: 'GET',
    url: '/api/admin/isolation-thresholds',
    summary: 'The service’s isolation early-warning thresholds',
    tags: ['admin'],
    access: { kind: 'authenticated', resource: 'settings', action: 'read' },
    response: { 200: isolationThresholdsSchema },
    async handler(_input, ctx) {
      return readThresholds(ctx.db);
    },
  }),
  defineRoute({
    id: 'isolation.thresholds.update',
    method: 'PATCH',
    url: '/api/admin/isolation-thresholds',
    summary: 'Change some of the isolation early-warning thresholds (negative, above the window, non-numbers and a watch above its reach out are refused; nothing changes)',
    tags: ['admin'],
    access: { kind: 'authenticated', resource: 'settings', action: 'update' },
    body: isolationThresholdsPatchSchema.refine((v) => Object.keys(v).length > 0, 'Name at least one threshold.'),
    response: { 200: isolationThresholdsSchema },
    async handler({ body }, ctx) {
      return updateThresholds(ctx, body);
    },
  }),
];
