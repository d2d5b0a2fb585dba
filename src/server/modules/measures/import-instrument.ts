import { validateDefinition, type InstrumentDefinition } from '../../../shared/instruments/definition.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { newId } from '../../lib/ids.js';
import { fromFhirQuestionnaire, type FhirImportNote } from './engine/fhir.js';
import { findInstrument } from './instruments.js';

/**
 * Imports an instrument the service holds permission for, from a Hearth definition or a FHIR
 * Questionnaire; a code and version already held is a conflict. A Questionnaire published under a
 * version that is not a whole number ("0.0.1") becomes the code's next Hearth version, unless that
 * published version is already held. The answer says what Hearth recognised and what to look at.
 */
export async function importInstrument(ctx: UseCaseContext, input: { definition?: unknown; questionnaire?: unknown }) {
  const parsed = input.questionnaire !== undefined ? fromFhirQuestionnaire(input.questionnaire) : { ...validateDefinition(input.definition), notes: [] };
  if (!parsed.ok) {
    if (parsed.errors.some((e) => e.code === 'fhir_too_large')) {
      throw new AppError('payload_too_large', parsed.errors.find((e) => e.code === 'fhir_too_large')!.message);
    }
    throw new AppError(
      'invalid_definition',
      'The instrument definition has problems.',
      parsed.errors.map((e) => ({ path: e.path, message: e.message })),
    );
  }
  const definition = await withFreeVersion(ctx.db, parsed.definition);
  const existing = await findInstrument(ctx.db, definition.id, definition.version);
  if (existing) throw new AppError('conflict', `${definition.id} version ${definition.version} already exists: import it as a new version.`);
  const id = newId();
  await ctx.db
    .insertInto('instruments')
    .values({
      id,
      code: definition.id,
      version: definition.version,
      kind: definition.kind,
      title: definition.title,
      definition: JSON.stringify(definition),
      source: 'imported',
      status: 'active',
      created_by: ctx.principal.userId,
      created_at: ctx.now.toISOString(),
    })
    .execute();
  const notes: FhirImportNote[] = parsed.notes;
  const recognisedAs = 'recognisedAs' in parsed ? parsed.recognisedAs : undefined;
  await ctx.audit({
    action: 'instruments.import',
    resourceType: 'instrument',
    resourceId: id,
    detail: { code: definition.id, version: definition.version, recognisedAs: recognisedAs ?? null, notes: notes.map((n) => n.code).join(',') },
  });
  return { code: definition.id, version: definition.version, publishedVersion: definition.publishedVersion ?? null, recognisedAs: recognisedAs ?? null, notes };
}

/** A published (non-numeric) version takes the code's next Hearth version; the same published version twice is a conflict. */
async function withFreeVersion(db: DbOrTx, definition: InstrumentDefinition): Promise<InstrumentDefinition> {
  if (definition.publishedVersion === undefined) return definition;
  const rows = await db.selectFrom('instruments').select(['version', 'definition']).where('code', '=', definition.id).execute();
  const held = rows.find((row) => (JSON.parse(row.definition) as { publishedVersion?: string }).publishedVersion === definition.publishedVersion);
  if (held) throw new AppError('conflict', `${definition.id} "${definition.publishedVersion}" is already imported (version ${held.version}).`);
  const next = rows.reduce((max, row) => Math.max(max, row.version), 0) + 1;
  return { ...definition, version: Math.max(definition.version, next) };
}
