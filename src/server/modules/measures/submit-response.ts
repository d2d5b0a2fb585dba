import type { InstrumentDefinition } from '../../../shared/instruments/definition.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { raiseAlert } from '../alerts/raise-alert.js';
import { moveAlertSource } from '../alerts/sources.js';
import { getSetting } from '../alerts/settings.js';
import { recordCourseStep } from './courses.js';
import { classifyChange } from './engine/change.js';
import { scoreResponse, type RefusedResponse, type ScoreAlert } from './engine/score.js';
import { requireInstrument } from './instruments.js';
import { enrolmentAt } from '../../policy/membership.js';

export interface SubmitInput {
  instrumentCode: string;
  version: number;
  answers: Record<string, number | null>;
  idempotencyKey: string;
  requestId?: string | undefined;
}

export interface SafetyScreen {
  tier: 'concern' | 'urgent';
  message: string;
  crisisLine: string;
}

function safetyFor(alerts: readonly Pick<ScoreAlert, 'tier'>[], crisisLine: string): SafetyScreen | null {
  const tier = alerts.some((a) => a.tier === 'urgent') ? 'urgent' : alerts.some((a) => a.tier === 'concern') ? 'concern' : null;
  if (!tier) return null;
  return {
    tier,
    message:
      tier === 'urgent'
        ? 'Thank you for telling us. Your answers say you may be having thoughts of harming yourself. Your care team has been told and will contact you. If you are in danger now, please use the numbers below.'
        : 'Thank you for your answers. Your care team will look at them and may check in with you.',
    crisisLine,
  };
}

async function currentEnrolment(db: DbOrTx, participantId: string) {
  return db
    .selectFrom('enrolments')
    .select(['id', 'group_id'])
    .where('participant_id', '=', participantId)
    .where(enrolmentAt('reach', 'status'))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The source of the urgent alert a refused (incomplete) submission raises, found again by a retry or the completed response: the first 64 characters of its idempotency key. */
const INCOMPLETE_RESPONSE = 'incomplete_response';
const incompleteSourceId = (idempotencyKey: string) => idempotencyKey.slice(0, 64);

/** The unresolved alert an incomplete submission with this key raised, if any. */
async function openIncompleteAlert(db: DbOrTx, participantId: string, idempotencyKey: string) {
  return db
    .selectFrom('alerts')
    .select('id')
    .where('participant_id', '=', participantId)
    .where('source_type', '=', INCOMPLETE_RESPONSE)
    .where('source_id', '=', incompleteSourceId(idempotencyKey))
    .where('status', '!=', 'resolved')
    .executeTakeFirst();
}

/** Reliable deterioration since the first response, and "not improving" after N responses. */
async function changeAlerts(
  ctx: UseCaseContext,
  definition: InstrumentDefinition,
  total: number,
  base: { participantId: string; enrolmentId: string | null; groupId: string | null; responseId: string },
) {
  const history = await ctx.db
    .selectFrom('measure_responses')
    .select(['total'])
    .where('participant_id', '=', base.participantId)
    .where('instrument_code', '=', definition.id)
    .where('id', '!=', base.responseId)
    .orderBy('submitted_at')
    .execute();
  const first = history[0];
  if (!first) return;
  const change = classifyChange(definition, first.total, total);
  const common = { ...base, sourceType: 'measure_response', sourceId: base.responseId, now: ctx.now };
  if (change.category === 'reliable_deterioration') {
    await raiseAlert(ctx.db, {
      ...common,
      kind: 'reliable_deterioration',
      tier: 'concern',
      summary: `${definition.shortTitle}: reliable deterioration (${first.total} → ${total}).`,
    });
  }
  const after = Number(await getSetting(ctx.db, 'measures.not_improving_after'));
  if (history.length + 1 === after && change.category !== 'reliable_improvement' && change.category !== 'reliable_deterioration') {
    await raiseAlert(ctx.db, {
      ...common,
      kind: 'not_improving',
      tier: 'concern',
      summary: `${definition.shortTitle}: no reliable improvement after ${after} measurements (${first.total} → ${total}).`,
    });
  }
}

/** The answer already stored under this idempotency key (a retry), as it was answered; the same key with other answers is a conflict. */
async function replayed(ctx: UseCaseContext, input: SubmitInput) {
  const previous = await ctx.db
    .selectFrom('measure_responses')
    .selectAll()
    .where('participant_id', '=', ctx.principal.userId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (!previous) return undefined;
  if (previous.instrument_code !== input.instrumentCode || previous.answers !== JSON.stringify(input.answers)) {
    throw new AppError('conflict', 'This submission key was already used for different answers.');
  }
  const alerts = await ctx.db.selectFrom('alerts').select('tier').where('source_id', '=', previous.id).where('kind', '=', 'measure_item').execute();
  return {
    responseId: previous.id,
    total: previous.total,
    band: previous.band,
    caseness: previous.caseness === 1,
    prorated: previous.prorated === 1,
    safety: safetyFor(alerts, ctx.hearth.config.crisisLine),
    replayed: true,
  };
}

/**
 * The error a refused submission answers with (the safety screen included). An urgent answer on an
 * incomplete form still raises its alert, after the refusal rolls the request back.
 */
function refusal(
  ctx: UseCaseContext,
  input: SubmitInput,
  definition: InstrumentDefinition,
  result: RefusedResponse,
  enrolment: { id: string; group_id: string } | undefined,
): AppError {
  const urgent = result.alerts.filter((a) => a.tier === 'urgent');
  if (urgent.length) {
    // A risk answer is never lost behind an incomplete form: the alert survives the refusal.
    const now = ctx.now;
    ctx.onFailure(async (db) => {
      // A retry of the same incomplete form (same key) must not open a second alert.
      if (await openIncompleteAlert(db, ctx.principal.userId, input.idempotencyKey)) return;
      await raiseAlert(db, {
        kind: 'measure_item',
        tier: 'urgent',
        participantId: ctx.principal.userId,
        enrolmentId: enrolment?.id ?? null,
        groupId: enrolment?.group_id ?? null,
        sourceType: INCOMPLETE_RESPONSE,
        sourceId: incompleteSourceId(input.idempotencyKey),
        summary: `${definition.shortTitle}: ${urgent[0]?.message ?? 'risk answer'} (form incomplete).`,
        now,
      });
    });
  }
  const code = result.errors.some((e) => e.code === 'version_mismatch') ? 'conflict' : 'validation_failed';
  return new AppError(
    code,
    code === 'conflict' ? 'This questionnaire has changed since it was opened. Please reload it.' : 'Some answers need attention.',
    result.errors.map((e) => ({ path: `body.${e.path}`, message: e.message })),
  ).withCurrent({ safety: safetyFor(result.alerts, ctx.hearth.config.crisisLine) });
}

/**
 * A participant submits a questionnaire. Scored on the server; stored once per idempotency key;
 * item alert rules (PHQ-9 item 9) raise an urgent alert at once and return the safety screen.
 */
export async function submitResponse(ctx: UseCaseContext, input: SubmitInput) {
  const participantId = ctx.principal.userId;
  const crisisLine = ctx.hearth.config.crisisLine;
  const replay = await replayed(ctx, input);
  if (replay) return replay;
  const { definition } = await requireInstrument(ctx.db, input.instrumentCode);
  const result = scoreResponse(definition, { instrumentId: input.instrumentCode, version: input.version, answers: input.answers });
  const enrolment = await currentEnrolment(ctx.db, participantId);
  if (!result.ok) throw refusal(ctx, input, definition, result, enrolment);
  if (input.requestId) {
    const request = await ctx.db
      .selectFrom('measure_requests')
      .select(['id', 'instrument_code', 'status'])
      .where('id', '=', input.requestId)
      .where('participant_id', '=', participantId)
      .executeTakeFirst();
    if (!request || request.instrument_code !== input.instrumentCode)
      throw new AppError('validation_failed', 'This questionnaire was not asked of you.', [{ path: 'body.requestId', message: 'Unknown request.' }]);
    if (request.status !== 'due') throw new AppError('conflict', 'This questionnaire was already completed.');
  }
  const responseId = newId();
  await ctx.db
    .insertInto('measure_responses')
    .values({
      id: responseId,
      participant_id: participantId,
      enrolment_id: enrolment?.id ?? null,
      group_id: enrolment?.group_id ?? null,
      request_id: input.requestId ?? null,
      instrument_code: definition.id,
      instrument_version: definition.version,
      answers: JSON.stringify(input.answers),
      total: result.total,
      band: result.band?.label ?? null,
      caseness: result.caseness ? 1 : 0,
      prorated: result.prorated ? 1 : 0,
      idempotency_key: input.idempotencyKey,
      submitted_at: ctx.now.toISOString(),
    })
    .execute();
  await recordCourseStep(ctx.db, {
    participantId,
    instrumentCode: definition.id,
    groupId: enrolment?.group_id ?? null,
    enrolmentId: enrolment?.id ?? null,
    total: result.total,
    submittedAt: ctx.now.toISOString(),
  });
  // One answer settles every request for this questionnaire that is due now (say, the one at
  // enrolment and the one after session 4 when both came due before the member looked).
  await ctx.db
    .updateTable('measure_requests')
    .set({ status: 'completed', response_id: responseId, completed_at: ctx.now.toISOString() })
    .where('participant_id', '=', participantId)
    .where('status', '=', 'due')
    .where((eb) => eb.or([eb('id', '=', input.requestId ?? ''), eb.and([eb('instrument_code', '=', definition.id), eb('due_at', '<=', ctx.now.toISOString())])]))
    .execute();
  const base = { participantId, enrolmentId: enrolment?.id ?? null, groupId: enrolment?.group_id ?? null, responseId };
  // The alert an incomplete attempt with this key already opened now points at the response.
  const earlier = await openIncompleteAlert(ctx.db, participantId, input.idempotencyKey);
  for (const alert of result.alerts) {
    const summary = `${definition.shortTitle}: ${alert.message}`;
    if (earlier && alert.tier === 'urgent') {
      await moveAlertSource(ctx.db, earlier.id, INCOMPLETE_RESPONSE, { sourceType: 'measure_response', sourceId: responseId, summary });
      continue;
    }
    await raiseAlert(ctx.db, { ...base, kind: 'measure_item', tier: alert.tier, sourceType: 'measure_response', sourceId: responseId, summary, now: ctx.now });
  }
  await changeAlerts(ctx, definition, result.total, base);
  await ctx.audit({
    action: 'measures.submit',
    resourceType: 'measure_response',
    resourceId: responseId,
    groupId: enrolment?.group_id ?? null,
    detail: { instrument: definition.id },
  });
  return {
    responseId,
    total: result.total,
    band: result.band?.label ?? null,
    caseness: result.caseness,
    prorated: result.prorated,
    safety: safetyFor(result.alerts, crisisLine),
    replayed: false,
  };
}
