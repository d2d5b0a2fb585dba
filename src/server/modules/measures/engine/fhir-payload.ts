import { z } from 'zod';
import { alertRuleSchema, bandSchema, casenessSchema, scoringSchema } from '../../../../shared/instruments/definition.js';

/**
 * The Hearth scoring extension's JSON (format `hearth-scoring/1`): everything about a definition that
 * an R4 Questionnaire has no element for. Items are listed by linkId with their scored/reverse flags;
 * an unscored item's answer values ride here (its answers carry no ordinalValue).
 */
export const scoringPayloadSchema = z.strictObject({
  format: z.literal('hearth-scoring/1'),
  id: z.string(),
  shortTitle: z.string(),
  kind: z.enum(['validated', 'programme']),
  licenceNote: z.string(),
  loincTotal: z.string().optional(),
  publishedVersion: z.string().optional(),
  items: z.array(
    z.strictObject({
      linkId: z.string(),
      scored: z.boolean(),
      reverse: z.boolean().optional(),
      values: z.array(z.number()).optional(),
    }),
  ),
  scoring: scoringSchema,
  bands: z.array(bandSchema),
  caseness: casenessSchema.optional(),
  reliableChange: z.union([z.strictObject({ threshold: z.number() }), z.strictObject({ sd: z.number(), reliability: z.number() })]).optional(),
  higherIsBetter: z.boolean(),
  alertRules: z.array(alertRuleSchema),
});
export type ScoringPayload = z.output<typeof scoringPayloadSchema>;
