import { validateDefinition } from '../../../shared/instruments/definition.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { fromFhirQuestionnaire } from './engine/fhir.js';
import { findInstrument } from './instruments.js';

/** Imports an instrument the service holds permission for, from a Hearth definition or a FHIR Questionnaire; a code and version already held is a conflict. */
export async function importInstrument(ctx: UseCaseContext, input: { definition?: unknown; questionnaire?: unknown }) {
  const parsed = input.questionnaire !== undefined ? fromFhirQuestionnaire(input.questionnaire) : validateDefinition(input.definition);
  if (!parsed.ok) {
    throw new AppError('invalid_definition', 'The instrument definition has problems.', parsed.errors.map((e) => ({ path: e.path, message: e.message })));
  }
  const definition = parsed.definition;
  const existing = await findInstrument(ctx.db, definition.id, definition.version);
  if (existing) throw new AppError('conflict', `${definition.id} version ${definition.version} already exists: import it as a new version.`);
  const id = newId();
  await ctx.db
    .insertInto('instruments')
    .values({ id, code: definition.id, version: definition.version, kind: definition.kind, title: definition.title, definition: JSON.stringify(definition), source: 'imported', status: 'active', created_by: ctx.principal.userId, created_at: ctx.now.toISOString() })
    .execute();
  await ctx.audit({ action: 'instruments.import', resourceType: 'instrument', resourceId: id, detail: { code: definition.id, version: definition.version } });
  return { code: definition.id, version: definition.version };
}
