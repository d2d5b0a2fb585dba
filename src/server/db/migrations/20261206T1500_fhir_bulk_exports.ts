import { sql, type Kysely } from 'kysely';

/**
 * FHIR Bulk Data `$export` jobs (issue 15): one row per kick-off, run in the background into a
 * folder of ndjson files (one per resource type, `fhir_export_files`) under the data folder. The
 * worker renews `heartbeat_at` as it writes; a job whose heartbeat has stopped (its instance
 * stopped or crashed) is taken over and run again from the start. A partial unique index lets an
 * administrator have one job queued or running at a time, across instances. Completed jobs' files
 * are deleted at `expires_at`; the rows stay (status `expired`) as the record of what was exported.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fhir_export_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued','running','completed','failed','cancelled','expired')`))
    // system (GET [base]/$export) or patient (GET [base]/Patient/$export).
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('system','patient')`))
    // The kick-off URL as the client sent it (the manifest's `request`).
    .addColumn('request_url', 'text', (c) => c.notNull())
    // JSON array of the resource types asked for (all of them when _type was absent).
    .addColumn('types', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    // Base of the resources' URLs and of the file links, fixed at kick-off so a resumed job writes the same.
    .addColumn('fhir_base', 'text', (c) => c.notNull())
    .addColumn('file_base', 'text', (c) => c.notNull())
    // The manifest's transactionTime: resources changed up to this instant are in the files.
    .addColumn('transaction_time', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('heartbeat_at', 'text')
    // Random token of the worker that holds the job: a worker that lost it stops writing.
    .addColumn('claim', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finished_at', 'text')
    .addColumn('expires_at', 'text')
    .execute();
  await db.schema
    .createIndex('fhir_export_jobs_one_active')
    .on('fhir_export_jobs')
    .column('requested_by')
    .unique()
    .where(sql.ref('status'), 'in', sql`('queued','running')`)
    .execute();
  await db.schema.createIndex('fhir_export_jobs_status').on('fhir_export_jobs').columns(['status', 'heartbeat_at']).execute();
  await db.schema
    .createTable('fhir_export_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('fhir_export_jobs.id'))
    .addColumn('resource_type', 'text', (c) => c.notNull())
    // File name inside the job's folder, e.g. Patient.ndjson.
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fhir_export_files_job').on('fhir_export_files').columns(['job_id', 'position']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('fhir_export_files').execute();
  await db.schema.dropTable('fhir_export_jobs').execute();
}
