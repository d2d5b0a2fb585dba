import type { UseCaseContext } from '../../http/use-case.js';
import { toObservation, toQuestionnaireResponse } from './engine/fhir.js';
import { scoreResponse } from './engine/score.js';
import { requireInstrument } from './instruments.js';

/** A submission as a FHIR R4 QuestionnaireResponse and its scored Observation; audited. */
export async function responseAsFhir(ctx: UseCaseContext, responseId: string) {
  const row = await ctx.db.selectFrom('measure_responses').selectAll().where('id', '=', responseId).executeTakeFirstOrThrow();
  const { definition } = await requireInstrument(ctx.db, row.instrument_code, row.instrument_version);
  const answers = JSON.parse(row.answers) as Record<string, number | null>;
  const scored = scoreResponse(definition, { version: row.instrument_version, answers });
  if (!scored.ok) throw new Error('stored response no longer scores');
  const subject = `Patient/${row.participant_id}`;
  await ctx.audit({ action: 'measures.fhir.read', resourceType: 'measure_response', resourceId: row.id, groupId: row.group_id });
  return {
    questionnaireResponse: toQuestionnaireResponse(definition, answers, { id: row.id, subject, authored: row.submitted_at }),
    observation: toObservation(definition, scored, { id: `${row.id}-total`, subject, effectiveDateTime: row.submitted_at, questionnaireResponse: `QuestionnaireResponse/${row.id}` }),
  };
}
