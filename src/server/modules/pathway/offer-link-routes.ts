import { offerLinkAnsweredSchema, offerLinkAnswerBodySchema, offerLinkInfoSchema, offerLinkTokenBodySchema } from '../../../shared/schemas/pathway.js';
import { publicOrigin } from '../../http/public-origin.js';
import { defineRoute } from '../../http/route.js';
import { answerOfferByLink, inspectOfferLink } from './offer-links.js';

const tags = ['pathway'];

/** The offer e-mail's links: read and answer an offer without signing in (the token is the key). */
export const offerLinkRoutes = [
  defineRoute({
    id: 'offer_links.inspect',
    method: 'POST',
    url: '/api/offer-links/inspect',
    summary: 'The offer behind an offer link, and whether it can still be answered',
    tags,
    access: { kind: 'public' },
    body: offerLinkTokenBodySchema,
    response: { 200: offerLinkInfoSchema },
    errors: ['offer_wrong_person', 'offer_link_invalid'],
    transaction: false,
    async handler({ body }, ctx) {
      return inspectOfferLink(ctx, body.token);
    },
  }),
  defineRoute({
    id: 'offer_links.answer',
    method: 'POST',
    url: '/api/offer-links/answer',
    summary: 'Accept or decline an offered place from the link in its e-mail (once, before it expires)',
    tags,
    access: { kind: 'public' },
    // The answer may carry a one-time set-password link: never stored for replay.
    errors: ['offer_wrong_person', 'offer_link_invalid', 'offer_link_used', 'offer_expired'],
    idempotency: false,
    body: offerLinkAnswerBodySchema,
    response: { 200: offerLinkAnsweredSchema },
    async handler({ body }, ctx) {
      const { token, ...answer } = body;
      return answerOfferByLink(ctx, token, answer, publicOrigin(ctx.hearth.config, ctx.request));
    },
  }),
];
