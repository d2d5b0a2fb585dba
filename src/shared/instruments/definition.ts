import { z } from 'zod';
import { checkDefinitionSemantics } from './semantics.js';

/**
 * An instrument definition is pure data: items, answer options and their scores, how the total is
 * formed, bands, caseness, reliable change and alert rules. Nothing in it is evaluated as code, so
 * an admin can import one and the server can score it without trusting its author.
 */

/** Instrument identifiers are lowercase slugs: `phq-9`, `session-check-in`. */
export const instrumentIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Item linkIds: letters, digits, `-`, `_`, `.`, `/` (FHIR linkIds such as `/44250-9` import as is). */
export const linkIdPattern = /^[A-Za-z0-9/][A-Za-z0-9._/-]*$/;
/** The alert-rule target that means "the total score" rather than an item. */
export const TOTAL = 'total';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required.')
    .max(max, `At most ${max} characters.`)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), 'Contains control characters.');

const loincCode = z.string().regex(/^\d{1,7}-\d$/, 'Not a LOINC code (digits, a dash and a check digit: 44261-6).');
const loincAnswerCode = z.string().regex(/^LA\d{1,7}-\d$/, 'Not a LOINC answer code (LA6568-5).');

export const answerOptionSchema = z.strictObject({
  /** The score of this answer (before any reverse scoring). Whole numbers only. */
  value: z.number().min(-1000, 'At least -1000.').max(1000, 'At most 1000.'),
  label: text(200),
  /** LOINC answer code (LA…), when the answer list has one. */
  loinc: loincAnswerCode.optional(),
  /** The answer's code in another code system (an imported Questionnaire's own answer list), kept so exports carry it back. */
  code: z.strictObject({ system: z.string().min(1).max(500), code: z.string().min(1).max(200) }).optional(),
});

export const itemSchema = z.strictObject({
  linkId: z.string().min(1, 'Required.').max(64, 'At most 64 characters.').regex(linkIdPattern, 'Use letters, digits, "-", "_", "." or "/".'),
  text: text(1000),
  options: z.array(answerOptionSchema).min(2, 'Give at least two answer options.').max(101, 'At most 101 answer options.'),
  /** Score as (lowest + highest option value) − answer. Options must be symmetric for this to be exact. */
  reverse: z.boolean().optional(),
  /** Whether the item counts towards the total. Unscored items (e.g. PHQ-9's difficulty question) are still asked and stored. */
  scored: z.boolean(),
  /** A response without an answer here is refused, whatever the missing-item rule allows. */
  required: z.boolean(),
  /** LOINC code of the question, when known. */
  loinc: loincCode.optional(),
});

export const scoringSchema = z.strictObject({
  method: z.enum(['sum', 'mean']),
  missing: z.strictObject({
    /** How many scored items may be unanswered. Beyond this the response is refused. */
    maxMissing: z.int('A whole number.').min(0, 'Cannot be negative.'),
    /**
     * `prorate`: a sum becomes mean(answered) × number of scored items; a mean is the mean of the answered items.
     * `fail`: no scored item may be missing (`maxMissing` must be 0).
     */
    rule: z.enum(['prorate', 'fail']),
  }),
  /** The lowest and highest possible total. Checked against the items. */
  range: z.strictObject({ min: z.number(), max: z.number() }),
  /**
   * Decimal places a total that is not a whole number is rounded to (half away from zero).
   * Default: 1 for a sum (only prorated sums can be fractional), 2 for a mean.
   */
  decimals: z.int('A whole number.').min(0).max(3).optional(),
});

export const bandSchema = z.strictObject({
  /** Inclusive bounds. A fractional total between two bands (e.g. a prorated 9.6) belongs to the lower one. */
  min: z.number(),
  max: z.number(),
  label: text(80),
  /** 0 = least severe. Strictly increasing towards the worse end of the scale. */
  severity: z.int('A whole number.').min(0, 'Cannot be negative.'),
});

export const casenessSchema = z.strictObject({
  threshold: z.number(),
  /** `atOrAbove` when higher scores are worse (PHQ-9 ≥ 10); `atOrBelow` when higher scores are better. */
  direction: z.enum(['atOrAbove', 'atOrBelow']),
});

/** Either a fixed threshold, or the SD and reliability it is computed from (Jacobson–Truax). */
export type ReliableChangeRule = { threshold: number } | { sd: number; reliability: number };

/**
 * One object with optional fields and a refinement rather than a union or a transform, so that
 * errors name the exact field and the schema still converts to JSON Schema (OpenAPI).
 */
export const reliableChangeSchema = z
  .strictObject({
    threshold: z.number().positive('Must be above 0.').optional(),
    sd: z.number().positive('Must be above 0.').optional(),
    reliability: z.number().min(0, 'Between 0 and 1.').lt(1, 'Must be below 1: a perfectly reliable measure has no error band.').optional(),
  })
  .superRefine((v, ctx) => {
    const fixed = v.threshold !== undefined;
    const computed = v.sd !== undefined || v.reliability !== undefined;
    if (fixed === computed) {
      ctx.addIssue({ code: 'custom', message: 'Give either "threshold", or "sd" and "reliability" (not both).' });
    } else if (computed && (v.sd === undefined || v.reliability === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.sd === undefined ? 'sd' : 'reliability'],
        message: 'Required with the other.',
      });
    }
  });

export const alertRuleSchema = z.strictObject({
  /** An item's linkId (compared with the chosen answer's value, before reverse scoring) or `total`. */
  linkId: z.string().min(1, 'Required.').max(64),
  op: z.enum(['>=', '<=', '=']),
  value: z.number(),
  tier: z.enum(['concern', 'urgent']),
  message: text(500),
});

export const instrumentDefinitionSchema = z.strictObject({
  id: z.string().max(64, 'At most 64 characters.').regex(instrumentIdPattern, 'Use lowercase letters, digits and single dashes (phq-9).'),
  /** Bumped on any change to items, options or scoring. Answers carry the version they were given to. */
  version: z.int('A whole number.').min(1, 'Versions start at 1.'),
  /** The version an imported Questionnaire was published as ("0.0.1", "2019 edition"), when not Hearth's whole number. */
  publishedVersion: text(64).optional(),
  title: text(200),
  shortTitle: text(40),
  /** `programme` marks Hearth's own check-ins: useful in the group, not validated instruments. */
  kind: z.enum(['validated', 'programme']),
  /** Shown before the items ("Over the last 2 weeks…"). */
  stem: text(1000).optional(),
  copyright: text(1000),
  /** Under what licence or permission the service uses it. */
  licenceNote: text(1000),
  loinc: z.strictObject({ panel: loincCode.optional(), total: loincCode.optional() }).optional(),
  items: z.array(itemSchema).min(1, 'Give at least one item.').max(200, 'At most 200 items.'),
  scoring: scoringSchema,
  bands: z.array(bandSchema).max(20, 'At most 20 bands.'),
  caseness: casenessSchema.optional(),
  reliableChange: reliableChangeSchema.optional(),
  higherIsBetter: z.boolean(),
  alertRules: z.array(alertRuleSchema).max(50, 'At most 50 alert rules.'),
});

/** A validated definition. `reliableChange` is narrowed to the one form the refinement allows. */
export type InstrumentDefinition = Omit<z.output<typeof instrumentDefinitionSchema>, 'reliableChange'> & {
  reliableChange?: ReliableChangeRule;
};
/** What an author writes (the same shape; `reliableChange` is checked for either form). */
export type InstrumentDefinitionInput = z.input<typeof instrumentDefinitionSchema>;
export type InstrumentItem = z.output<typeof itemSchema>;
export type AnswerOption = z.output<typeof answerOptionSchema>;
export type Band = z.output<typeof bandSchema>;
export type Caseness = z.output<typeof casenessSchema>;
export type AlertRule = z.output<typeof alertRuleSchema>;
export type AlertTier = AlertRule['tier'];
export type ScoringRule = z.output<typeof scoringSchema>;

/** Stable codes for what is wrong with a definition. */
export type DefinitionErrorCode =
  | 'invalid_field'
  | 'duplicate_link_id'
  | 'reserved_link_id'
  | 'unknown_item'
  | 'option_not_integer'
  | 'duplicate_option'
  | 'asymmetric_reverse'
  | 'reverse_unscored'
  | 'no_scored_items'
  | 'range_mismatch'
  | 'missing_rule'
  | 'band_out_of_range'
  | 'band_overlap'
  | 'band_gap'
  | 'band_order'
  | 'band_off_grid'
  | 'caseness_out_of_range'
  | 'caseness_direction'
  | 'reliable_change_out_of_range'
  | 'programme_claims'
  | 'alert_never_fires'
  | 'alert_always_fires'
  | 'loinc_check_digit'
  | 'version_conflict';

export interface DefinitionError {
  /** Dotted path into the definition: `items.8.options.2.value`, `bands.1`. */
  path: string;
  message: string;
  code: DefinitionErrorCode;
}

export type ValidationResult = { ok: true; definition: InstrumentDefinition } | { ok: false; errors: DefinitionError[] };

/** Checks a definition's shape, then its meaning (references, bands, ranges); every problem is reported with its path. */
export function validateDefinition(input: unknown): ValidationResult {
  const parsed = instrumentDefinitionSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map(issueToError) };
  }
  const definition = normaliseReliableChange(parsed.data);
  const errors = checkDefinitionSemantics(definition);
  return errors.length === 0 ? { ok: true, definition } : { ok: false, errors };
}

/** Keeps only the form of reliable change that was given (the refinement guarantees exactly one). */
function normaliseReliableChange(parsed: z.output<typeof instrumentDefinitionSchema>): InstrumentDefinition {
  const { reliableChange, ...rest } = parsed;
  if (reliableChange === undefined) return rest;
  const { threshold, sd = 0, reliability = 0 } = reliableChange;
  return { ...rest, reliableChange: threshold !== undefined ? { threshold } : { sd, reliability } };
}

function issueToError(issue: z.core.$ZodIssue): DefinitionError {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type' && issue.input === undefined) return { path, message: 'Required.', code: 'invalid_field' };
  if (issue.code === 'unrecognized_keys') {
    return {
      path,
      message: `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`,
      code: 'invalid_field',
    };
  }
  return { path, message: issue.message, code: 'invalid_field' };
}
