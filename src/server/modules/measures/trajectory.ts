import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { classifyChange } from './engine/change.js';
import { findInstrument } from './instruments.js';

/** A participant's scores over time per instrument, with bands and reliable change; audited. */
export async function measureTrajectory(ctx: UseCaseContext, enrolmentId: string) {
  const enrolment = await ctx.db.selectFrom('enrolments').select(['participant_id', 'group_id']).where('id', '=', enrolmentId).executeTakeFirstOrThrow();
  if (ctx.principal.role === 'participant' && enrolment.participant_id !== ctx.principal.userId) throw new AppError('not_found', 'This record was not found.');
  const rows = await ctx.db
    .selectFrom('measure_responses')
    .select(['id', 'instrument_code', 'total', 'band', 'submitted_at'])
    .where('participant_id', '=', enrolment.participant_id)
    .orderBy('submitted_at')
    .execute();
  await ctx.audit({ action: 'measures.trajectory.read', resourceType: 'enrolment', resourceId: enrolmentId, groupId: enrolment.group_id });
  const codes = [...new Set(rows.map((r) => r.instrument_code))];
  const instruments = [];
  for (const code of codes) {
    const entry = await findInstrument(ctx.db, code);
    if (!entry) continue;
    const d = entry.definition;
    const points = rows.filter((r) => r.instrument_code === code).map((r) => ({ responseId: r.id, submittedAt: r.submitted_at, total: r.total, band: r.band }));
    const first = points[0];
    const last = points.at(-1);
    const change = first && last && points.length > 1 ? classifyChange(d, first.total, last.total) : null;
    instruments.push({
      code,
      title: d.shortTitle,
      higherIsBetter: d.higherIsBetter,
      range: d.scoring.range,
      bands: (d.bands ?? []).map((b) => ({ min: b.min, max: b.max, label: b.label })),
      caseness: d.caseness?.threshold ?? null,
      points,
      change: change ? { change: change.change, category: change.category, recovered: change.recovered, threshold: change.threshold } : null,
    });
  }
  return { instruments };
}
