import type { UseCaseContext } from '../../http/use-case.js';

/** The caller's group memberships, newest first, with the agreement version accepted and the current one. */
export async function myEnrolments(ctx: UseCaseContext) {
  const rows = await ctx.db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .select((eb) => [
      'e.id',
      'e.group_id',
      'g.name',
      'e.pseudonym',
      'e.status',
      'e.joined_at',
      'e.left_at',
      'e.status_reason',
      'e.agreement_version',
      'e.agreement_accepted_at',
      eb
        .selectFrom('group_agreements as a')
        .select((a) => a.fn.max('a.version').as('v'))
        .whereRef('a.programme_id', '=', 'g.programme_id')
        .as('current_version'),
    ])
    .where('e.participant_id', '=', ctx.principal.userId)
    .orderBy('e.created_at', 'desc')
    .execute();
  return {
    enrolments: rows.map((r) => ({
      id: r.id,
      groupId: r.group_id,
      groupName: r.name,
      pseudonym: r.pseudonym,
      status: r.status,
      joinedAt: r.joined_at,
      leftAt: r.left_at,
      statusReason: r.status_reason,
      agreementVersion: r.agreement_version,
      agreementAcceptedAt: r.agreement_accepted_at,
      currentAgreementVersion: r.current_version === null || r.current_version === undefined ? null : Number(r.current_version),
    })),
  };
}
