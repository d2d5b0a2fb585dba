import { claimDetailsBodySchema, claimDetailsSchema } from '../../../shared/schemas/billing.js';
import { idParams } from '../../../shared/schemas/common.js';
import {
  agreementAcceptBodySchema,
  agreementStateSchema,
  enrolmentStatusBodySchema,
  intakeBodySchema,
  myEnrolmentListSchema,
  offerAcceptedSchema,
  offerBodySchema,
  offerResponseBodySchema,
  recordSchema,
  referralBodySchema,
  referralListSchema,
  referralSchema,
  referralTargetListSchema,
} from '../../../shared/schemas/pathway.js';
import { AppError } from '../../http/errors.js';
import { publicOrigin } from '../../http/public-origin.js';
import { defineRoute, type RouteAccess, type RouteContext } from '../../http/route.js';
import { invitationUrl } from '../users/invitations.js';
import { agreementToAccept } from './agreement-to-accept.js';
import { assertFacilitator } from './guards.js';
import { acceptAgreement, changeEnrolmentStatus } from './enrolments.js';
import { myEnrolments } from './my-enrolments.js';
import { updateClaimDetails } from './claim-details.js';
import { participantRecord } from './record.js';
import { findReferral, listGroupReferrals, listMyReferrals, loadReferralRow } from './repository.js';
import { createReferral, offerPlace, screenReferral } from './referrals.js';
import { referralTargets } from './referral-targets.js';
import { respondToOffer } from './respond-to-offer.js';

const tags = ['pathway'];
const referralParams = idParams('referralId');
const enrolmentParams = idParams('enrolmentId');
const onReferral = (action: 'read' | 'update'): RouteAccess => ({ kind: 'authenticated', resource: 'referral', action, objects: { referralId: 'referral' } });
const onEnrolment = (action: 'read' | 'update'): RouteAccess => ({ kind: 'authenticated', resource: 'enrolment', action, objects: { enrolmentId: 'enrolment' } });

async function referralOut(ctx: RouteContext, id: string) {
  const referral = await findReferral(ctx.db, id, ctx.now);
  if (!referral) throw new Error('referral vanished');
  return referral;
}

export const pathwayRoutes = [
  defineRoute({
    id: 'referrals.targets',
    method: 'GET',
    url: '/api/referral-targets',
    summary: 'Groups that take referrals (any clinician may refer)',
    tags,
    access: { kind: 'authenticated', resource: 'referral', action: 'create' },
    response: { 200: referralTargetListSchema },
    async handler(_input, ctx) {
      return referralTargets(ctx);
    },
  }),
  defineRoute({
    id: 'referrals.create',
    method: 'POST',
    url: '/api/referrals',
    summary: 'Refer a person to a group, with a reason',
    tags,
    access: { kind: 'authenticated', resource: 'referral', action: 'create' },
    body: referralBodySchema,
    response: { 201: referralSchema },
    errors: ['invalid_identifier', 'invalid_phone'],
    async handler({ body }, ctx) {
      const id = await createReferral(ctx, body);
      ctx.reply.code(201);
      return referralOut(ctx, id);
    },
  }),
  defineRoute({
    id: 'referrals.mine',
    method: 'GET',
    url: '/api/referrals/mine',
    summary: 'Referrals I made',
    tags,
    access: { kind: 'authenticated', resource: 'referral', action: 'read' },
    response: { 200: referralListSchema },
    async handler(_input, ctx) {
      const referrals = await listMyReferrals(ctx.db, ctx.principal.userId, ctx.now);
      await ctx.audit({ action: 'referrals.mine.read', resourceType: 'referral', detail: { count: referrals.length } });
      return { referrals };
    },
  }),
  defineRoute({
    id: 'referrals.group',
    method: 'GET',
    url: '/api/groups/:groupId/referrals',
    summary: 'A group’s referrals and ordered waitlist',
    tags,
    access: { kind: 'authenticated', resource: 'referral', action: 'read', objects: { groupId: 'group' } },
    params: idParams('groupId'),
    response: { 200: referralListSchema },
    async handler({ params }, ctx) {
      const groupId = params.groupId;
      const referrals = await listGroupReferrals(ctx.db, groupId, ctx.now);
      await ctx.audit({ action: 'referrals.group.read', resourceType: 'group', resourceId: groupId, groupId });
      return { referrals };
    },
  }),
  defineRoute({
    id: 'referrals.get',
    method: 'GET',
    url: '/api/referrals/:referralId',
    summary: 'One referral with its intake and offer history',
    tags,
    access: onReferral('read'),
    params: referralParams,
    response: { 200: referralSchema },
    async handler({ params }, ctx) {
      const referral = await referralOut(ctx, params.referralId);
      await ctx.audit({ action: 'referrals.read', resourceType: 'referral', resourceId: referral.id, groupId: referral.groupId });
      return referral;
    },
  }),
  defineRoute({
    id: 'referrals.intake',
    method: 'POST',
    url: '/api/referrals/:referralId/intake',
    summary: 'Record the suitability screen',
    tags,
    access: onReferral('update'),
    params: referralParams,
    body: intakeBodySchema,
    response: { 200: referralSchema },
    errors: ['invalid_identifier'],
    async handler({ params, body }, ctx) {
      const id = params.referralId;
      await assertFacilitator(ctx, (await loadReferralRow(ctx.db, id)).group_id);
      await screenReferral(ctx, id, body);
      return referralOut(ctx, id);
    },
  }),
  defineRoute({
    id: 'referrals.offer',
    method: 'POST',
    url: '/api/referrals/:referralId/offer',
    summary: 'Offer a place (capacity-aware, in waitlist order); the person is e-mailed accept and decline links',
    tags,
    access: onReferral('update'),
    params: referralParams,
    body: offerBodySchema,
    response: { 200: referralSchema },
    async handler({ params, body }, ctx) {
      const id = params.referralId;
      await assertFacilitator(ctx, (await loadReferralRow(ctx.db, id)).group_id);
      await offerPlace(ctx, id, body, publicOrigin(ctx.hearth.config, ctx.request));
      return referralOut(ctx, id);
    },
  }),
  defineRoute({
    id: 'referrals.response',
    method: 'POST',
    url: '/api/referrals/:referralId/response',
    summary: 'Record the answer to an offer; accepting enrols and invites the person',
    tags,
    access: onReferral('update'),
    params: referralParams,
    body: offerResponseBodySchema,
    response: { 200: offerAcceptedSchema },
    errors: ['offer_expired'],
    async handler({ params, body }, ctx) {
      const id = params.referralId;
      await assertFacilitator(ctx, (await loadReferralRow(ctx.db, id)).group_id);
      const origin = publicOrigin(ctx.hearth.config, ctx.request);
      const result = await respondToOffer(ctx, id, body, origin);
      return {
        referral: await referralOut(ctx, id),
        enrolmentId: result.enrolmentId,
        inviteUrl: result.inviteToken ? invitationUrl(origin, result.inviteToken) : null,
        mail: result.mail,
      };
    },
  }),
  defineRoute({
    id: 'enrolments.mine',
    method: 'GET',
    url: '/api/me/enrolments',
    summary: 'My group memberships and whether the agreement is accepted',
    tags,
    access: { kind: 'authenticated', resource: 'account', action: 'read' },
    response: { 200: myEnrolmentListSchema },
    async handler(_input, ctx) {
      return myEnrolments(ctx);
    },
  }),
  defineRoute({
    id: 'enrolments.agreement.get',
    method: 'GET',
    url: '/api/enrolments/:enrolmentId/agreement',
    summary: 'The group agreement to accept, and the version already accepted',
    tags,
    access: onEnrolment('read'),
    params: enrolmentParams,
    response: { 200: agreementStateSchema },
    async handler({ params }, ctx) {
      return agreementToAccept(ctx, params.enrolmentId);
    },
  }),
  defineRoute({
    id: 'enrolments.agreement.accept',
    method: 'POST',
    url: '/api/enrolments/:enrolmentId/agreement',
    summary: 'Accept the current group agreement (the member themself)',
    tags,
    access: onEnrolment('update'),
    params: enrolmentParams,
    body: agreementAcceptBodySchema,
    async handler({ params, body }, ctx) {
      if (ctx.principal.role !== 'participant') throw new AppError('forbidden', 'Only the member can accept the group agreement.');
      await acceptAgreement(ctx, params.enrolmentId, body.version);
    },
  }),
  defineRoute({
    id: 'enrolments.status',
    method: 'POST',
    url: '/api/enrolments/:enrolmentId/status',
    summary: 'Pause, resume, withdraw or complete a membership',
    tags,
    access: onEnrolment('update'),
    params: enrolmentParams,
    body: enrolmentStatusBodySchema,
    errors: ['invalid_state'],
    async handler({ params, body }, ctx) {
      await changeEnrolmentStatus(ctx, params.enrolmentId, body.status, body.reason);
    },
  }),
  defineRoute({
    id: 'records.get',
    method: 'GET',
    url: '/api/enrolments/:enrolmentId/record',
    summary: 'A participant’s record in a group: attendance, note sections, referral history (audited)',
    tags,
    access: { kind: 'authenticated', resource: 'record', action: 'read', objects: { enrolmentId: 'enrolment' } },
    params: enrolmentParams,
    response: { 200: recordSchema },
    async handler({ params }, ctx) {
      return participantRecord(ctx, params.enrolmentId);
    },
  }),
  defineRoute({
    id: 'records.claim_details.update',
    method: 'PUT',
    url: '/api/enrolments/:enrolmentId/claim-details',
    summary: 'Record the claim details of a member’s enrolment: record number, date of birth, ICD-10 diagnosis code (fields left out are kept, null clears)',
    tags,
    access: { kind: 'authenticated', resource: 'record', action: 'update', objects: { enrolmentId: 'enrolment' } },
    params: enrolmentParams,
    body: claimDetailsBodySchema,
    response: { 200: claimDetailsSchema },
    errors: ['identifier_taken', 'invalid_date_of_birth', 'invalid_diagnosis_code', 'invalid_identifier'],
    async handler({ params, body }, ctx) {
      return updateClaimDetails(ctx, params.enrolmentId, body);
    },
  }),
];
