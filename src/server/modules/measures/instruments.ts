import type { InstrumentDefinition } from '../../../shared/instruments/definition.js';
import { validateDefinition } from '../../../shared/instruments/definition.js';
import { BUILTIN_INSTRUMENTS } from '../../../shared/instruments/builtins/index.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';

export interface InstrumentEntry {
  definition: InstrumentDefinition;
  source: 'builtin' | 'imported';
}

/** Built-in definitions come from code; imported ones from the database. Latest version when none is named. */
export async function findInstrument(db: DbOrTx, code: string, version?: number): Promise<InstrumentEntry | undefined> {
  const builtins = BUILTIN_INSTRUMENTS.filter((d) => d.id === code && (version === undefined || d.version === version));
  const builtin = builtins.sort((a, b) => b.version - a.version)[0];
  if (builtin) return { definition: builtin, source: 'builtin' };
  let query = db.selectFrom('instruments').select(['definition']).where('code', '=', code).where('status', '=', 'active');
  query = version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const parsed = validateDefinition(JSON.parse(row.definition));
  if (!parsed.ok) throw new Error(`stored instrument ${code} no longer validates`);
  return { definition: parsed.definition, source: 'imported' };
}

export async function requireInstrument(db: DbOrTx, code: string, version?: number): Promise<InstrumentEntry> {
  const entry = await findInstrument(db, code, version);
  if (!entry)
    throw new AppError('validation_failed', `Unknown instrument ${code}${version ? ` version ${version}` : ''}.`, [{ path: 'body.instrument', message: 'Unknown instrument.' }]);
  return entry;
}

/** Every instrument available to the service, latest version of each. */
export async function listInstruments(db: DbOrTx): Promise<InstrumentEntry[]> {
  const rows = await db.selectFrom('instruments').select(['code', 'version', 'definition']).where('status', '=', 'active').orderBy('code').orderBy('version', 'desc').execute();
  const imported = new Map<string, InstrumentDefinition>();
  for (const row of rows) {
    if (imported.has(row.code)) continue;
    const parsed = validateDefinition(JSON.parse(row.definition));
    if (parsed.ok) imported.set(row.code, parsed.definition);
  }
  return [
    ...BUILTIN_INSTRUMENTS.map((definition) => ({ definition, source: 'builtin' as const })),
    ...[...imported.values()].map((definition) => ({ definition, source: 'imported' as const })),
  ];
}
