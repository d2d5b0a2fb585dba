import { sql, type Kysely } from 'kysely';

/** Default staffed hours: weekdays 09:00–17:00 in the group's own time zone (ISO weekday 1 = Monday). */
const OFFICE_HOURS = JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })));

/**
 * Group-space moderation (mode and staffed hours per group, the service's watched phrases, the
 * append-only moderation log) and each participant's safety plan.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('therapy_groups')
    .addColumn('moderation_mode', 'text', (c) =>
      c
        .notNull()
        .defaultTo('post')
        .check(sql`moderation_mode in ('pre','post')`),
    )
    .execute();
  await db.schema
    .alterTable('therapy_groups')
    .addColumn('staffed_hours', 'text', (c) => c.notNull().defaultTo(OFFICE_HOURS))
    .execute();

  await db.schema
    .createTable('watched_phrases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phrase', 'text', (c) => c.notNull())
    // NFKC, lower case, single spaces: what matching uses, and unique so a phrase has one action.
    .addColumn('normalized', 'text', (c) => c.notNull().unique())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('block','hold','flag','redact')`))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('moderation_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull().references('therapy_groups.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('risk_tier', 'text', (c) =>
      c
        .notNull()
        .defaultTo('none')
        .check(sql`risk_tier in ('none','concern','urgent')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_log_item').on('moderation_log').columns(['item_kind', 'item_id', 'created_at']).execute();
  await db.schema.createIndex('moderation_log_author').on('moderation_log').columns(['group_id', 'author_id', 'action']).execute();

  const dialect = db.getExecutor().adapter.constructor.name;
  if (dialect.startsWith('Sqlite')) {
    await sql`CREATE TRIGGER moderation_log_no_update BEFORE UPDATE ON moderation_log
      BEGIN SELECT RAISE(ABORT, 'moderation_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER moderation_log_no_delete BEFORE DELETE ON moderation_log
      BEGIN SELECT RAISE(ABORT, 'moderation_log is append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION hearth_moderation_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'moderation_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER moderation_log_no_change BEFORE UPDATE OR DELETE ON moderation_log
      FOR EACH ROW EXECUTE FUNCTION hearth_moderation_log_append_only()`.execute(db);
    await sql`CREATE TRIGGER moderation_log_no_truncate BEFORE TRUNCATE ON moderation_log
      FOR EACH STATEMENT EXECUTE FUNCTION hearth_moderation_log_append_only()`.execute(db);
  }

  await db.schema
    .createTable('safety_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().unique().references('users.id'))
    // Each section is a JSON array: of strings, or of {name, contact} for people and services.
    .addColumn('warning_signs', 'text', (c) => c.notNull())
    .addColumn('coping_steps', 'text', (c) => c.notNull())
    .addColumn('distractions', 'text', (c) => c.notNull())
    .addColumn('help_contacts', 'text', (c) => c.notNull())
    .addColumn('professionals', 'text', (c) => c.notNull())
    .addColumn('safe_environment', 'text', (c) => c.notNull())
    .addColumn('reasons_for_living', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('safety_plans').execute();
  const dialect = db.getExecutor().adapter.constructor.name;
  if (dialect.startsWith('Sqlite')) {
    await sql`DROP TRIGGER moderation_log_no_update`.execute(db);
    await sql`DROP TRIGGER moderation_log_no_delete`.execute(db);
  } else {
    await sql`DROP TRIGGER moderation_log_no_change ON moderation_log`.execute(db);
    await sql`DROP TRIGGER moderation_log_no_truncate ON moderation_log`.execute(db);
    await sql`DROP FUNCTION hearth_moderation_log_append_only()`.execute(db);
  }
  await db.schema.dropTable('moderation_log').execute();
  await db.schema.dropTable('watched_phrases').execute();
  await db.schema.alterTable('therapy_groups').dropColumn('staffed_hours').execute();
  await db.schema.alterTable('therapy_groups').dropColumn('moderation_mode').execute();
}
