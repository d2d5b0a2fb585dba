import type { InstrumentDefinition } from '../../../shared/instruments/definition.js';
import type { DbOrTx } from '../../db/database.js';
import type { MeasureResponsesTable } from '../../db/schema.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { collectionBundle } from '../fhir/bundle.js';
import type { Bundle } from '../fhir/types.js';
import { toObservation, toQuestionnaireResponse } from './engine/fhir.js';
import { scoreResponse } from './engine/score.js';
import { requireInstrument } from './instruments.js';

/**
 * A stored submission as an R4 QuestionnaireResponse (its answers and, as the answer to the
 * Questionnaire's read-only total item, the score Hearth computed) and the Observation of the total.
 * The subject is `Patient/<participant id>`; the Questionnaire canonical is under the service's base.
 */
export async function responseResources(db: DbOrTx, row: StoredResponse, base: string) {
  const { definition } = await requireInstrument(db, row.instrument_code, row.instrument_version);
  return responseResourcesWith(definition, row, base);
}

type StoredResponse = Pick<MeasureResponsesTable, 'id' | 'participant_id' | 'instrument_code' | 'instrument_version' | 'answers' | 'submitted_at'>;

/** The same from a definition already loaded (the service-wide $export loads each version once). */
export function responseResourcesWith(definition: InstrumentDefinition, row: StoredResponse, base: string) {
  const answers = JSON.parse(row.answers) as Record<string, number | null>;
  const scored = scoreResponse(definition, { version: row.instrument_version, answers });
  if (!scored.ok) throw new Error('stored response no longer scores');
  const subject = `Patient/${row.participant_id}`;
  return {
    questionnaireResponse: toQuestionnaireResponse(definition, answers, { id: row.id, subject, authored: row.submitted_at, total: scored.total, base }),
    observation: toObservation(definition, scored, {
      id: `${row.id}-total`,
      subject,
      effectiveDateTime: row.submitted_at,
      questionnaireResponse: `QuestionnaireResponse/${row.id}`,
    }),
  };
}

/** A submission as a FHIR collection Bundle of its QuestionnaireResponse and scored Observation; audited. */
export async function responseAsFhir(ctx: UseCaseContext, responseId: string, base: string): Promise<Bundle> {
  const row = await ctx.db.selectFrom('measure_responses').selectAll().where('id', '=', responseId).executeTakeFirstOrThrow();
  const { questionnaireResponse, observation } = await responseResources(ctx.db, row, base);
  await ctx.audit({ action: 'measures.fhir.read', resourceType: 'measure_response', resourceId: row.id, groupId: row.group_id });
  return collectionBundle([questionnaireResponse, observation], base, ctx.now);
}
