import { idParams } from '../../../shared/schemas/common.js';
import { contactDetailsSchema, contactPatchSchema } from '../../../shared/schemas/contacts.js';
import { defineRoute, type RouteAccess } from '../../http/route.js';
import { readContactDetails, readReferralContactDetails } from './read-contact-details.js';
import { saveContactDetails } from './save-contact-details.js';

const tags = ['contacts'];
const participantParams = idParams('userId');
// The one "who reaches this person" rule: objects.ts places a participant with their groups' facilitators and their referrers.
const onParticipant = (action: 'read' | 'update'): RouteAccess => ({ kind: 'authenticated', resource: 'contact', action, objects: { userId: 'participant' } });

export const contactRoutes = [
  defineRoute({
    id: 'contacts.get',
    method: 'GET',
    url: '/api/participants/:userId/contact',
    summary: 'How to reach a member: phones, preferred contact, emergency contact, GP (the member and their clinicians; audited read)',
    tags,
    access: onParticipant('read'),
    params: participantParams,
    response: { 200: contactDetailsSchema },
    transaction: true,
    async handler({ params }, ctx) {
      return readContactDetails(ctx, params.userId);
    },
  }),
  defineRoute({
    id: 'contacts.referral',
    method: 'GET',
    url: '/api/referrals/:referralId/contact',
    summary: 'The contact details taken at a referral (its facilitators and referrer; audited read), e.g. to confirm them at intake',
    tags,
    access: { kind: 'authenticated', resource: 'contact', action: 'read', objects: { referralId: 'referral' } },
    params: idParams('referralId'),
    response: { 200: contactDetailsSchema },
    transaction: true,
    async handler({ params }, ctx) {
      return readReferralContactDetails(ctx, params.referralId);
    },
  }),
  defineRoute({
    id: 'contacts.update',
    method: 'PATCH',
    url: '/api/participants/:userId/contact',
    summary: 'Change some contact details (422 invalid_phone names a bad number; 403 for fields the caller’s role keeps read-only)',
    tags,
    access: onParticipant('update'),
    params: participantParams,
    body: contactPatchSchema,
    response: { 200: contactDetailsSchema },
    errors: ['invalid_phone'],
    async handler({ params, body }, ctx) {
      const participantId = params.userId;
      await saveContactDetails(ctx, { participantId }, body);
      return readContactDetails(ctx, participantId);
    },
  }),
];
