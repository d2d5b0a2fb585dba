import { idParams } from '../../../shared/schemas/common.js';
import { fhirBundleQuerySchema } from '../../../shared/schemas/fhir.js';
import { publicOrigin } from '../../http/public-origin.js';
import { defineRoute, type RouteContext } from '../../http/route.js';
import { fhirBase } from './base.js';
import { groupAsFhir } from './group-resource.js';
import { participantBundle } from './participant-bundle.js';

const tags = ['fhir'];

function baseOf(ctx: RouteContext): string {
  return fhirBase(ctx.hearth.config, publicOrigin(ctx.hearth.config, ctx.request));
}

export const fhirRoutes = [
  defineRoute({
    id: 'fhir.participant.bundle',
    method: 'GET',
    url: '/api/enrolments/:enrolmentId/fhir',
    summary: 'A participant’s record in a group as a FHIR R4 Bundle (collection, or transaction for an EHR): Patient, Group, Encounters, Goals, Consent, Flags, QuestionnaireResponses and Observations (audited)',
    tags,
    access: { kind: 'authenticated', resource: 'record', action: 'export', objects: { enrolmentId: 'enrolment' } },
    params: idParams('enrolmentId'),
    query: fhirBundleQuerySchema,
    produces: { 'application/fhir+json': 'A FHIR R4 Bundle' },
    async handler({ params, query }, ctx) {
      const bundle = await participantBundle(ctx, params.enrolmentId, query.type, baseOf(ctx));
      ctx.reply.type('application/fhir+json');
      return bundle;
    },
  }),
  defineRoute({
    id: 'fhir.group',
    method: 'GET',
    url: '/api/groups/:groupId/fhir',
    summary: 'A therapy group as a FHIR R4 Group: its members as Patient references with their time in the group (audited)',
    tags,
    access: { kind: 'authenticated', resource: 'record', action: 'export', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    produces: { 'application/fhir+json': 'A FHIR R4 Bundle' },
    async handler({ params }, ctx) {
      const group = await groupAsFhir(ctx, params.groupId);
      ctx.reply.type('application/fhir+json');
      return group;
    },
  }),
];
