import type { UseCaseContext } from '../../http/use-case.js';
import { ensureDueRequests } from './due.js';
import { findInstrument } from './instruments.js';

/** The questionnaires due for the caller now (requests falling due are created first), one entry per questionnaire. */
export async function listDueMeasures(ctx: UseCaseContext) {
  await ensureDueRequests(ctx.db, ctx.principal.userId, ctx.now);
  const rows = await ctx.db
    .selectFrom('measure_requests')
    .selectAll()
    .where('participant_id', '=', ctx.principal.userId)
    .where('status', '=', 'due')
    .where('due_at', '<=', ctx.now.toISOString())
    .orderBy('due_at')
    .execute();
  const due = [];
  const listed = new Set<string>();
  for (const r of rows) {
    // One entry per questionnaire: answering it settles every request for it that is due.
    if (listed.has(r.instrument_code)) continue;
    listed.add(r.instrument_code);
    const entry = await findInstrument(ctx.db, r.instrument_code);
    if (entry)
      due.push({
        requestId: r.id,
        code: entry.definition.id,
        title: entry.definition.title,
        shortTitle: entry.definition.shortTitle,
        version: entry.definition.version,
        dueAt: r.due_at,
        reason: r.reason,
      });
  }
  return { due };
}
