import type { Insertable } from 'kysely';
import type { Db } from '../../src/server/db/database.js';
import type { DB } from '../../src/server/db/schema.js';
import { newId } from '../../src/server/lib/ids.js';
import { insertInChunks, mulberry32 } from './group-history.js';

/**
 * What the FHIR $export writes beyond attendance and questionnaires, for every enrolment of a
 * service built by buildGroupHistory: the group agreement accepted at joining (Consent), a SMART
 * goal — two in three shared with clinicians, the rest private, which the export must leave out —
 * and for one member in twenty an open safety alert (Flag). Inserted in bulk.
 */
export async function addExportExtras(db: Db, now = new Date()): Promise<{ rows: Record<string, number>; seconds: number }> {
  const started = performance.now();
  const random = mulberry32(15_2026);
  const enrolments = await db
    .selectFrom('enrolments as e')
    .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
    .select(['e.id', 'e.participant_id', 'e.group_id', 'e.joined_at', 'g.programme_id'])
    .orderBy('e.id')
    .execute();
  const agreements = new Map((await db.selectFrom('group_agreements').select(['id', 'programme_id', 'version']).execute()).map((a) => [a.programme_id, a]));
  const acceptances: Insertable<DB['agreement_acceptances']>[] = [];
  const goals: Insertable<DB['goals']>[] = [];
  const alerts: Insertable<DB['alerts']>[] = [];
  const at = now.toISOString();
  for (const e of enrolments) {
    const joined = e.joined_at ?? at;
    const agreement = agreements.get(e.programme_id);
    if (agreement) acceptances.push({ id: newId(), enrolment_id: e.id, agreement_id: agreement.id, version: agreement.version, accepted_at: joined });
    goals.push({
      id: newId(),
      participant_id: e.participant_id,
      enrolment_id: e.id,
      area: 'connection',
      action: 'Message one person from the group each week',
      frequency: 'Weekly',
      target_date: '2027-06-30',
      support_needed: random() < 0.5 ? 'A reminder on Sundays' : '',
      visibility: random() < 0.67 ? 'clinicians' : 'private',
      shared_group_id: null,
      shared_enrolment_id: null,
      moderation_status: null,
      shared_at: null,
      status: random() < 0.3 ? 'achieved' : 'active',
      created_at: joined,
      updated_at: joined,
    });
    if (random() < 0.05) {
      alerts.push({
        id: newId(),
        kind: 'measure_item',
        tier: random() < 0.5 ? 'urgent' : 'concern',
        participant_id: e.participant_id,
        enrolment_id: e.id,
        group_id: e.group_id,
        source_type: 'measure_response',
        source_id: e.id,
        summary: 'PHQ-9 item 9',
        status: 'open',
        created_at: at,
        ack_due_at: at,
        next_escalation_at: at,
      });
    }
  }
  const rows = {
    agreement_acceptances: await insertInChunks(db, 'agreement_acceptances', acceptances),
    goals: await insertInChunks(db, 'goals', goals),
    alerts: await insertInChunks(db, 'alerts', alerts),
  };
  return { rows, seconds: (performance.now() - started) / 1000 };
}
