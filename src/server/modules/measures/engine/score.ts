import type { AlertTier, Band, InstrumentDefinition } from '../../../../shared/instruments/definition.js';
import { TOTAL } from '../../../../shared/instruments/definition.js';
import { bandFor, isCase, roundRatio } from '../../../../shared/instruments/scale.js';
import { fires } from '../../../../shared/instruments/semantics.js';
import { compileDefinition, isAcceptedValue, type CompiledDefinition } from './compile.js';

/** A participant's answers: option values by linkId; `null` or absent means unanswered. */
export type Answers = Readonly<Record<string, number | null | undefined>>;

export interface ResponseInput {
  /** When given, must be the definition's id. */
  instrumentId?: string;
  /** The definition version the answers were given to. */
  version: number;
  answers: Answers;
}

export type ScoreErrorCode = 'instrument_mismatch' | 'version_mismatch' | 'invalid_answers' | 'unknown_item' | 'invalid_value' | 'missing_required' | 'too_many_missing';

export interface ScoreError {
  /** `version`, `answers`, or `answers.<linkId>`. */
  path: string;
  message: string;
  code: ScoreErrorCode;
}

export interface ScoreAlert {
  tier: AlertTier;
  message: string;
  /** The item whose answer fired the rule, or `total`. */
  linkId: string;
  /** The answer (before reverse scoring) or total that fired it. */
  value: number;
}

export interface ScoredResponse {
  ok: true;
  instrumentId: string;
  version: number;
  total: number;
  band: Band | null;
  /** In the clinical range by the definition's cut-off; false when the definition has none. */
  caseness: boolean;
  /** Each scored item's contribution after reverse scoring; null when unanswered. */
  itemScores: Record<string, number | null>;
  alerts: ScoreAlert[];
  /** True when scored items were missing and the total was estimated from the answered ones. */
  prorated: boolean;
  answeredCount: number;
  missingCount: number;
}

export interface RefusedResponse {
  ok: false;
  errors: ScoreError[];
  /**
   * Item alerts that fired on the valid answers even though the response cannot be scored, so a
   * risk answer (PHQ-9 item 9) is never lost behind an incomplete form. Empty on a version mismatch.
   */
  alerts: ScoreAlert[];
}

export type ScoreResult = ScoredResponse | RefusedResponse;

/**
 * Scores one response against a validated definition: deterministic and pure. Refuses answers to
 * another instrument or version, to unknown items, values that are not an option, and missing
 * items beyond the definition's rule; every problem is reported with its path.
 */
export function scoreResponse(definition: InstrumentDefinition, input: ResponseInput): ScoreResult {
  const compiled = compileDefinition(definition);
  const mismatch = checkIdentity(definition, input);
  if (mismatch !== null) return { ok: false, errors: [mismatch], alerts: [] };

  const answers: unknown = input.answers;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return {
      ok: false,
      errors: [{ path: 'answers', code: 'invalid_answers', message: 'Answers must be an object of answers by question.' }],
      alerts: [],
    };
  }
  return scoreAnswers(compiled, answers as Answers);
}

/** Scores many responses to the same definition (the definition is compiled once). */
export function scoreMany(definition: InstrumentDefinition, inputs: readonly ResponseInput[]): ScoreResult[] {
  const results = new Array<ScoreResult>(inputs.length);
  for (let i = 0; i < inputs.length; i += 1) results[i] = scoreResponse(definition, inputs[i] as ResponseInput);
  return results;
}

function checkIdentity(definition: InstrumentDefinition, input: ResponseInput): ScoreError | null {
  if (input.instrumentId !== undefined && input.instrumentId !== definition.id) {
    return {
      path: 'instrumentId',
      code: 'instrument_mismatch',
      message: `These answers are for "${input.instrumentId}", not ${definition.shortTitle}.`,
    };
  }
  if (input.version !== definition.version) {
    return {
      path: 'version',
      code: 'version_mismatch',
      message: `These answers were given to version ${String(input.version)} of ${definition.shortTitle}; this is version ${definition.version}. Score them with the version they were given to.`,
    };
  }
  return null;
}

/** Enough unknown keys to diagnose a mix-up, without echoing a flood back. */
const MAX_UNKNOWN_REPORTED = 10;

function scoreAnswers(compiled: CompiledDefinition, answers: Answers): ScoreResult {
  const { definition } = compiled;
  const errors: ScoreError[] = [];
  const fail = (error: ScoreError) => errors.push(error);

  let unknown = 0;
  for (const key in answers) {
    if (compiled.byLinkId.has(key)) continue;
    unknown += 1;
    if (unknown <= MAX_UNKNOWN_REPORTED) {
      fail({
        path: `answers.${key}`,
        code: 'unknown_item',
        message: `${definition.shortTitle} version ${definition.version} has no question "${key}".`,
      });
    }
  }
  if (unknown > MAX_UNKNOWN_REPORTED) {
    fail({
      path: 'answers',
      code: 'unknown_item',
      message: `…and ${unknown - MAX_UNKNOWN_REPORTED} more unknown questions.`,
    });
  }

  const itemScores: Record<string, number | null> = {};
  const alerts: ScoreAlert[] = [];
  let sum = 0;
  let answered = 0;
  let missing = 0;
  let missingOptional = 0;
  for (const item of compiled.items) {
    // Own properties only: an inherited (or prototype-polluted) key is not an answer.
    let value = answers[item.linkId];
    if (value !== undefined && !Object.hasOwn(answers, item.linkId)) value = undefined;
    if (value === null || value === undefined) {
      if (item.required)
        fail({
          path: `answers.${item.linkId}`,
          code: 'missing_required',
          message: 'Answer this question: it is required.',
        });
      if (item.scored) {
        itemScores[item.linkId] = null;
        missing += 1;
        if (!item.required) missingOptional += 1;
      }
      continue;
    }
    if (!isAcceptedValue(item, value)) {
      fail({
        path: `answers.${item.linkId}`,
        code: 'invalid_value',
        message: `${typeof value === 'number' ? value : JSON.stringify(value)} is not one of this question's answers (${item.valueList}).`,
      });
      continue;
    }
    for (const rule of item.rules) {
      if (fires(rule, value)) alerts.push({ tier: rule.tier, message: rule.message, linkId: item.linkId, value });
    }
    if (item.scored) {
      const score = item.reverse ? item.reverseSum - value : value;
      itemScores[item.linkId] = score;
      sum += score;
      answered += 1;
    }
  }

  // Missing required items are already reported one by one; the rule counts the optional ones.
  const { maxMissing } = definition.scoring.missing;
  if (missingOptional > maxMissing || (answered === 0 && errors.length === 0)) {
    fail({
      path: 'answers',
      code: 'too_many_missing',
      message:
        maxMissing === 0
          ? `${missingOptional} question${missingOptional === 1 ? ' is' : 's are'} unanswered; ${definition.shortTitle} needs every question answered.`
          : `${missingOptional} questions are unanswered; ${definition.shortTitle} can be scored with at most ${maxMissing} unanswered.`,
    });
  }
  if (errors.length > 0) return { ok: false, errors, alerts };

  const total = totalScore(compiled, sum, answered, missing);
  for (const rule of compiled.totalRules) {
    if (fires(rule, total)) alerts.push({ tier: rule.tier, message: rule.message, linkId: TOTAL, value: total });
  }
  return {
    ok: true,
    instrumentId: definition.id,
    version: definition.version,
    total,
    band: bandFor(compiled.sortedBands, total),
    caseness: definition.caseness !== undefined && isCase(definition.caseness, total),
    itemScores,
    alerts,
    prorated: missing > 0,
    answeredCount: answered,
    missingCount: missing,
  };
}

function totalScore(compiled: CompiledDefinition, sum: number, answered: number, missing: number): number {
  if (compiled.definition.scoring.method === 'mean') return roundRatio(sum, answered, compiled.decimals);
  if (missing === 0) return sum;
  // Prorated sum: the mean of the answered items times the number of scored items.
  return roundRatio(sum * compiled.scoredCount, answered, compiled.decimals);
}
