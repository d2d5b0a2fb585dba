import type { UseCaseContext } from '../../http/use-case.js';
import { presentAgreement } from '../programmes/presenters.js';
import { currentAgreement } from './enrolments.js';

/** The group agreement a membership is to accept, and the version it already accepted. */
export async function agreementToAccept(ctx: UseCaseContext, enrolmentId: string) {
  const [agreement, enrolment] = await Promise.all([
    currentAgreement(ctx.db, enrolmentId),
    ctx.db.selectFrom('enrolments').select(['agreement_version', 'agreement_accepted_at']).where('id', '=', enrolmentId).executeTakeFirstOrThrow(),
  ]);
  return {
    agreement: agreement ? presentAgreement(agreement) : null,
    acceptedVersion: enrolment.agreement_version,
    acceptedAt: enrolment.agreement_accepted_at,
  };
}
