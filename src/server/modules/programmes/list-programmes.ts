import type { UseCaseContext } from '../../http/use-case.js';

/** The service's programmes by name, with how many session plans each has and its current agreement version. */
export async function listProgrammes(ctx: UseCaseContext) {
  const rows = await ctx.db
    .selectFrom('programmes as p')
    .select((eb) => [
      'p.id',
      'p.name',
      'p.description',
      eb
        .selectFrom('session_plans as s')
        .select((s) => s.fn.countAll().as('n'))
        .whereRef('s.programme_id', '=', 'p.id')
        .as('session_count'),
      eb
        .selectFrom('group_agreements as a')
        .select((a) => a.fn.max('a.version').as('v'))
        .whereRef('a.programme_id', '=', 'p.id')
        .as('agreement_version'),
    ])
    .orderBy('p.name')
    .execute();
  return {
    programmes: rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      sessionCount: Number(r.session_count ?? 0),
      agreementVersion: r.agreement_version === null || r.agreement_version === undefined ? null : Number(r.agreement_version),
    })),
  };
}
