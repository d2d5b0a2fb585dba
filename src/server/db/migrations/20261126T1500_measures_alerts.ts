import { sql, type Kysely } from 'kysely';

/** Instruments, measurement schedules, due requests, scored responses, the alert queue, service settings. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instruments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('validated','programme')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('builtin','imported')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','retired')`))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('instruments_code_version', ['code', 'version'])
    .execute();

  await db.schema
    .createTable('measure_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.references('therapy_groups.id').onDelete('cascade'))
    .addColumn('instrument_code', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull().check(sql`trigger in ('enrolment','every_n_sessions','completion','session_start')`))
    .addColumn('every_n', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('measure_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('instrument_code', 'text', (c) => c.notNull())
    .addColumn('schedule_id', 'text', (c) => c.references('measure_schedules.id').onDelete('set null'))
    .addColumn('session_id', 'text', (c) => c.references('group_sessions.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('due','completed','cancelled')`))
    .addColumn('response_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('measure_requests_participant').on('measure_requests').columns(['participant_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('measure_requests_unique_trigger').on('measure_requests').columns(['enrolment_id', 'instrument_code', 'reason']).unique().execute();

  await db.schema
    .createTable('measure_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id').onDelete('set null'))
    .addColumn('group_id', 'text', (c) => c.references('therapy_groups.id').onDelete('set null'))
    .addColumn('request_id', 'text')
    .addColumn('instrument_code', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('total', 'real', (c) => c.notNull())
    .addColumn('band', 'text')
    .addColumn('caseness', 'integer', (c) => c.notNull())
    .addColumn('prorated', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('measure_responses_idempotency', ['participant_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('measure_responses_participant').on('measure_responses').columns(['participant_id', 'instrument_code', 'submitted_at']).execute();
  await db.schema.createIndex('measure_responses_group').on('measure_responses').columns(['group_id', 'instrument_code', 'submitted_at']).execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier in ('concern','urgent')`))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id').onDelete('set null'))
    .addColumn('group_id', 'text', (c) => c.references('therapy_groups.id').onDelete('set null'))
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','acknowledged','resolved')`))
    .addColumn('outcome', 'text')
    .addColumn('resolution_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ack_due_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('escalated_at', 'text')
    .addColumn('escalated_to', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('alerts_status').on('alerts').columns(['status', 'tier', 'created_at']).execute();
  await db.schema.createIndex('alerts_group').on('alerts').columns(['group_id', 'status']).execute();
  await db.schema.createIndex('alerts_participant').on('alerts').columns(['participant_id', 'created_at']).execute();

  await db.schema
    .createTable('service_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['service_settings', 'alerts', 'measure_responses', 'measure_requests', 'measure_schedules', 'instruments']) {
    await db.schema.dropTable(table).execute();
  }
}
