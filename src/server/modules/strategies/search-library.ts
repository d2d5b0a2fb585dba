import { sql } from 'kysely';
import type { LibraryEntry } from '../../../shared/schemas/strategies.js';
import type { DbOrTx } from '../../db/database.js';
import type { Principal } from '../../policy/policy.js';
import { facilitatedGroupIds, groupIdsAt } from '../../policy/membership.js';
import { likePattern } from './like-pattern.js';

/** The programmes whose library the caller reads: those of the groups they take part in or facilitate. */
function readableProgrammes(db: DbOrTx, principal: Principal) {
  return db
    .selectFrom('therapy_groups')
    .select('programme_id')
    .where('id', 'in', groupIdsAt(db, principal, 'reach'));
}

/** The curated library, searched in title, "when it helps" and steps (every word must match). */
export async function searchLibrary(db: DbOrTx, principal: Principal, filter: { q?: string | undefined; programmeId?: string | undefined }): Promise<LibraryEntry[]> {
  let query = db
    .selectFrom('library_entries as l')
    .innerJoin('programmes as p', 'p.id', 'l.programme_id')
    .innerJoin('users as u', 'u.id', 'l.curated_by')
    .leftJoin('strategies as s', 's.id', 'l.strategy_id')
    .select([
      'l.id',
      'l.programme_id',
      'p.name as programme_name',
      'l.group_id',
      'l.title',
      'l.when_helps',
      'l.steps',
      'l.credit',
      'l.credit_name',
      'l.evidence_note',
      'l.curated_at',
      'u.display_name as curated_by',
      's.author_id',
    ])
    .where('l.status', '=', 'active')
    .where('l.programme_id', 'in', readableProgrammes(db, principal));
  if (filter.programmeId) query = query.where('l.programme_id', '=', filter.programmeId);
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    query = query.where(sql<boolean>`l.search_text like ${likePattern(word)} escape '\\'`);
  }
  const rows = await query.orderBy('l.curated_at', 'desc').orderBy('l.id').limit(200).execute();
  const facilitated = principal.role === 'clinician' ? new Set((await facilitatedGroupIds(db, principal.userId).execute()).map((r) => r.group_id)) : new Set<string>();
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    title: r.title,
    whenHelps: r.when_helps,
    steps: r.steps,
    creditLine: r.credit === 'pseudonym' && r.credit_name ? `Shared by ${r.credit_name}` : 'Shared by a group member',
    evidenceNote: r.evidence_note,
    curatedAt: r.curated_at,
    curatedBy: r.curated_by,
    mine: r.author_id === principal.userId,
    canUncurate: facilitated.has(r.group_id),
  }));
}
