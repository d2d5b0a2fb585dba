import { sql } from 'kysely';
import type { BulkExportType } from '../../../shared/schemas/fhir.js';
import type { InstrumentDefinition } from '../../../shared/instruments/definition.js';
import type { DbOrTx } from '../../db/database.js';
import { enrolmentHolds } from '../../policy/membership.js';
import { requireInstrument } from '../measures/instruments.js';
import { responseResourcesWith } from '../measures/response-fhir.js';
import { ATTENDED, attendanceId } from './participant-bundle.js';
import { encounterJson, goalFromRow, toConsent, toFlag, toGroup, toPatient } from './resources.js';
import { exportProblem, type OperationOutcome } from './operation-outcome.js';
import type { HearthResource } from './types.js';

/**
 * Where the service-wide $export reads each resource type: every source walks its table in pages
 * of `pageSize` rows by primary key (keyset pagination: each page is one indexed range read, so
 * memory stays flat however big the service) and turns each page into FHIR resources with the
 * same builders as a participant's Bundle. Ids and references are the same as there, so files and
 * Bundles agree. `since` keeps what changed after that instant; `until` (the job's transactionTime)
 * what existed when the export began.
 */
export interface SourceOptions {
  base: string;
  since: string | null;
  until: string;
  pageSize: number;
}

/** One resource of a page as its ndjson line, with its type (the file it goes to). */
export interface ExportLine {
  type: BulkExportType | 'OperationOutcome';
  json: string;
}

export interface BulkSource {
  /** The resource types this source writes. */
  types: readonly BulkExportType[];
  /** Pages of resources, in key order; a record that cannot be written is an OperationOutcome saying so. */
  pages(db: DbOrTx, options: SourceOptions): AsyncGenerator<ExportLine[]>;
}

const lineOf = (resource: HearthResource | OperationOutcome): ExportLine => ({ type: resource.resourceType as ExportLine['type'], json: JSON.stringify(resource) });

const patients: BulkSource = {
  types: ['Patient'],
  async *pages(db, { since, until, pageSize }) {
    let after = '';
    for (;;) {
      let query = db
        .selectFrom('users')
        .select(['id', 'display_name', 'email', 'status'])
        .where('role', '=', 'participant')
        .where('id', '>', after)
        .where('created_at', '<=', until);
      if (since) query = query.where('updated_at', '>', since);
      const rows = await query.orderBy('id').limit(pageSize).execute();
      if (rows.length === 0) return;
      const identifiers = await db
        .selectFrom('patient_identifiers')
        .select(['participant_id', 'system', 'value'])
        .where(
          'participant_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('created_at')
        .orderBy('system')
        .execute();
      yield rows.map((u) =>
        lineOf(
          toPatient({
            id: u.id,
            displayName: u.display_name,
            email: u.email,
            active: u.status !== 'deactivated',
            identifiers: identifiers.filter((i) => i.participant_id === u.id),
          }),
        ),
      );
      after = rows.at(-1)!.id;
    }
  },
};

const groups: BulkSource = {
  types: ['Group'],
  async *pages(db, { since, until, pageSize }) {
    let after = '';
    for (;;) {
      let query = db
        .selectFrom('therapy_groups as g')
        .innerJoin('programmes as p', 'p.id', 'g.programme_id')
        .select(['g.id', 'g.name', 'g.status', 'p.name as programme_name'])
        .where('g.id', '>', after)
        .where('g.created_at', '<=', until);
      // A group changes when it is edited or when someone joins or leaves it.
      if (since) {
        query = query.where((eb) =>
          eb.or([
            eb('g.updated_at', '>', since),
            eb('g.created_at', '>', since),
            eb.exists(
              eb
                .selectFrom('enrolments as e')
                .select('e.id')
                .whereRef('e.group_id', '=', 'g.id')
                .where((inner) => inner.or([inner('e.created_at', '>', since), inner('e.status_changed_at', '>', since)])),
            ),
          ]),
        );
      }
      const rows = await query.orderBy('g.id').limit(pageSize).execute();
      if (rows.length === 0) return;
      const members = await db
        .selectFrom('enrolments')
        .select(['group_id', 'participant_id', 'status', 'joined_at', 'left_at'])
        .where(
          'group_id',
          'in',
          rows.map((g) => g.id),
        )
        .where('created_at', '<=', until)
        .orderBy('created_at')
        .execute();
      yield rows.map((g) =>
        lineOf(
          toGroup({
            id: g.id,
            name: g.name,
            programmeName: g.programme_name,
            active: g.status === 'active' || g.status === 'forming',
            members: members
              .filter((m) => m.group_id === g.id)
              .map((m) => ({ participantId: m.participant_id, joinedAt: m.joined_at, leftAt: m.left_at, active: enrolmentHolds('contribute', m.status) })),
          }),
        ),
      );
      after = rows.at(-1)!.id;
    }
  },
};

const encounters: BulkSource = {
  types: ['Encounter'],
  async *pages(db, { since, until, pageSize }) {
    // Whose enrolment and whether the group meets online, read once: joining them into every page
    // cost as much as reading the attendance itself.
    const participantOf = new Map((await db.selectFrom('enrolments').select(['id', 'participant_id']).execute()).map((e) => [e.id, e.participant_id]));
    const online = new Map(
      (await db.selectFrom('therapy_groups').select(['id', 'meeting_url', 'location']).execute()).map((g) => [g.id, g.meeting_url !== null && g.location === null]),
    );
    let after: { session: string; enrolment: string } = { session: '', enrolment: '' };
    for (;;) {
      const from = after;
      let query = db
        .selectFrom('attendance as a')
        .innerJoin('group_sessions as s', 's.id', 'a.session_id')
        .select(['a.session_id', 'a.enrolment_id', 'a.status', 'a.minutes', 's.starts_at', 's.ends_at', 's.topic', 's.group_id'])
        // A row-value comparison: both databases seek the primary key to it (an OR of the two parts scans from the start every page).
        .where((eb) => eb(eb.refTuple('a.session_id', 'a.enrolment_id'), '>', eb.tuple(from.session, from.enrolment)))
        .where('a.status', 'in', ATTENDED)
        .where('s.status', '!=', 'cancelled')
        .where('a.recorded_at', '<=', until);
      if (since) query = query.where('a.recorded_at', '>', since);
      const rows = await query.orderBy('a.session_id').orderBy('a.enrolment_id').limit(pageSize).execute();
      if (rows.length === 0) return;
      yield rows.map((a) => ({
        type: 'Encounter',
        json: encounterJson({
          id: attendanceId(a.session_id, a.enrolment_id),
          participantId: participantOf.get(a.enrolment_id)!,
          startsAt: a.starts_at,
          endsAt: a.ends_at,
          topic: a.topic,
          online: online.get(a.group_id) ?? false,
          attendance: a.status as (typeof ATTENDED)[number],
          minutes: a.minutes,
        }),
      }));
      const last = rows.at(-1)!;
      after = { session: last.session_id, enrolment: last.enrolment_id };
    }
  },
};

const goals: BulkSource = {
  types: ['Goal'],
  async *pages(db, { since, until, pageSize }) {
    let after = '';
    for (;;) {
      // Private goals never leave the member: only goals shared with clinicians or the group.
      let query = db.selectFrom('goals').selectAll().where('visibility', '!=', 'private').where('id', '>', after).where('created_at', '<=', until);
      if (since) query = query.where('updated_at', '>', since);
      const rows = await query.orderBy('id').limit(pageSize).execute();
      if (rows.length === 0) return;
      const milestones = await db
        .selectFrom('goal_milestones')
        .select(['goal_id', 'title', 'reached_at'])
        .where(
          'goal_id',
          'in',
          rows.map((g) => g.id),
        )
        .orderBy('position')
        .execute();
      yield rows.map((g) => lineOf(goalFromRow(g, g.participant_id, milestones)));
      after = rows.at(-1)!.id;
    }
  },
};

const consents: BulkSource = {
  types: ['Consent'],
  async *pages(db, { base, since, until, pageSize }) {
    let after = '';
    for (;;) {
      let query = db
        .selectFrom('agreement_acceptances as aa')
        .innerJoin('group_agreements as ga', 'ga.id', 'aa.agreement_id')
        .innerJoin('enrolments as e', 'e.id', 'aa.enrolment_id')
        .innerJoin('therapy_groups as g', 'g.id', 'e.group_id')
        .innerJoin('programmes as p', 'p.id', 'g.programme_id')
        .select(['aa.id', 'aa.enrolment_id', 'aa.agreement_id', 'aa.version', 'aa.accepted_at', 'ga.body', 'e.participant_id', 'p.name as programme_name'])
        .where('aa.id', '>', after)
        .where('aa.accepted_at', '<=', until);
      if (since) query = query.where('aa.accepted_at', '>', since);
      const rows = await query.orderBy('aa.id').limit(pageSize).execute();
      if (rows.length === 0) return;
      // The latest acceptance of each enrolment (up to the export's instant) is the one in force.
      const latest = await db
        .selectFrom('agreement_acceptances')
        .select(['enrolment_id', sql<string>`max(accepted_at)`.as('accepted_at')])
        .where('enrolment_id', 'in', [...new Set(rows.map((r) => r.enrolment_id))])
        .where('accepted_at', '<=', until)
        .groupBy('enrolment_id')
        .execute();
      const current = new Map(latest.map((l) => [l.enrolment_id, l.accepted_at]));
      yield rows.map((a) =>
        lineOf(
          toConsent({
            id: a.id,
            participantId: a.participant_id,
            programmeName: a.programme_name,
            version: a.version,
            acceptedAt: a.accepted_at,
            body: a.body,
            policyUri: `${base}/GroupAgreement/${a.agreement_id}`,
            current: current.get(a.enrolment_id) === a.accepted_at,
          }),
        ),
      );
      after = rows.at(-1)!.id;
    }
  },
};

const flags: BulkSource = {
  types: ['Flag'],
  async *pages(db, { since, until, pageSize }) {
    let after = '';
    for (;;) {
      // Open safety alerts about a person; the Flag names kind and tier, never the words.
      let query = db
        .selectFrom('alerts')
        .select(['id', 'participant_id', 'kind', 'tier', 'created_at'])
        .where('status', '!=', 'resolved')
        .where('participant_id', 'is not', null)
        .where('id', '>', after)
        .where('created_at', '<=', until);
      if (since) query = query.where('created_at', '>', since);
      const rows = await query.orderBy('id').limit(pageSize).execute();
      if (rows.length === 0) return;
      yield rows.map((a) => lineOf(toFlag({ id: a.id, participantId: a.participant_id!, kind: a.kind, tier: a.tier, createdAt: a.created_at })));
      after = rows.at(-1)!.id;
    }
  },
};

/**
 * Responses are read in pages of a quarter: each row makes a QuestionnaireResponse and an Observation,
 * about 4 KB of JSON together against 0.6 KB for an Encounter, and a page of them with its lines is what
 * sets the worker's heap (a page of 1,000 was about 10 MB live).
 */
const responsePage = (pageSize: number) => Math.max(1, Math.floor(pageSize / 4));

const responses: BulkSource = {
  types: ['QuestionnaireResponse', 'Observation'],
  async *pages(db, { base, since, until, pageSize }) {
    const definitions = new Map<string, InstrumentDefinition>();
    let after = '';
    for (;;) {
      let query = db
        .selectFrom('measure_responses')
        .select(['id', 'participant_id', 'instrument_code', 'instrument_version', 'answers', 'submitted_at'])
        .where('id', '>', after)
        .where('submitted_at', '<=', until);
      if (since) query = query.where('submitted_at', '>', since);
      const rows = await query.orderBy('id').limit(responsePage(pageSize)).execute();
      if (rows.length === 0) return;
      const page: ExportLine[] = [];
      for (const row of rows) {
        const key = `${row.instrument_code}|${row.instrument_version}`;
        let definition = definitions.get(key);
        if (!definition) {
          definition = (await requireInstrument(db, row.instrument_code, row.instrument_version)).definition;
          definitions.set(key, definition);
        }
        // One stored answer set that no longer scores must not cost the service its whole export.
        try {
          const { questionnaireResponse, observation } = responseResourcesWith(definition, row, base);
          page.push(lineOf(questionnaireResponse), lineOf(observation));
        } catch {
          page.push(
            lineOf(
              exportProblem(
                `QuestionnaireResponse/${row.id}`,
                `the stored answers do not score against ${row.instrument_code} version ${row.instrument_version}; left out of the export.`,
              ),
            ),
          );
        }
      }
      yield page;
      after = rows.at(-1)!.id;
    }
  },
};

/** Every source, in the order their files are written. */
export const BULK_SOURCES: readonly BulkSource[] = [patients, groups, encounters, goals, consents, flags, responses];
