import type { DefinitionError, InstrumentDefinition } from './definition.js';

/**
 * The content that decides how answers are read and scored, as a stable string: item linkIds,
 * option values, scored/reverse/required flags, scoring, bands, caseness, reliable change,
 * direction and alert rules. Titles, wording of labels and credits are left out.
 */
export function scoringFingerprint(definition: InstrumentDefinition): string {
  return JSON.stringify([
    definition.items.map((item) => [item.linkId, item.options.map((option) => option.value), item.scored, item.reverse === true, item.required]),
    [
      definition.scoring.method,
      definition.scoring.missing.maxMissing,
      definition.scoring.missing.rule,
      definition.scoring.range.min,
      definition.scoring.range.max,
      definition.scoring.decimals ?? null,
    ],
    definition.bands.map((band) => [band.min, band.max, band.label, band.severity]),
    definition.caseness ? [definition.caseness.threshold, definition.caseness.direction] : null,
    definition.reliableChange ?? null,
    definition.higherIsBetter,
    definition.alertRules.map((rule) => [rule.linkId, rule.op, rule.value, rule.tier, rule.message]),
  ]);
}

/**
 * Whether `next` may replace `previous` (same instrument): versions never go backwards, and a
 * change to anything that affects scoring needs a new version, so stored answers keep their meaning.
 */
export function checkNewVersion(previous: InstrumentDefinition, next: InstrumentDefinition): DefinitionError[] {
  if (previous.id !== next.id) {
    return [{ path: 'id', code: 'version_conflict', message: `This is "${next.id}", not a new version of "${previous.id}".` }];
  }
  if (next.version < previous.version) {
    return [
      {
        path: 'version',
        code: 'version_conflict',
        message: `Version ${next.version} is older than the current version ${previous.version}.`,
      },
    ];
  }
  if (next.version === previous.version && scoringFingerprint(next) !== scoringFingerprint(previous)) {
    return [
      {
        path: 'version',
        code: 'version_conflict',
        message: `The items or scoring differ from version ${previous.version}: give this definition version ${previous.version + 1}.`,
      },
    ];
  }
  return [];
}
