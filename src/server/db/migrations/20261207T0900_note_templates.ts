import { sql, type Kysely } from 'kysely';

/**
 * Per-programme note templates (issue 16 item 3). A programme chooses the structure of its group
 * notes — free (themes, interventions, group process), DAP or SOAP — versioned like its group
 * agreement: each change adds a version, earlier ones stay on file. A note keeps the template it
 * was started with (kind and version), its structured group sections, and the text it was
 * pre-filled with, so an untouched pre-fill never counts as content when it is signed. Existing
 * notes are free notes, unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('programme_note_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('free','dap','soap')`))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('programme_note_templates_version_uq', ['programme_id', 'version'])
    .execute();
  await db.schema
    .alterTable('group_notes')
    .addColumn('template_kind', 'text', (c) => c.notNull().defaultTo('free'))
    .execute();
  // The programme's template version the note was started from; null for notes made before templates.
  await db.schema.alterTable('group_notes').addColumn('template_version', 'integer').execute();
  // JSON {sectionKey: text} of a DAP or SOAP note's group section; null for free notes (their columns hold it).
  await db.schema.alterTable('group_notes').addColumn('sections', 'text').execute();
  // JSON {sectionKey: text} the draft was pre-filled with (the session's topic and skill focus).
  await db.schema.alterTable('group_notes').addColumn('prefill', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('group_notes').dropColumn('prefill').execute();
  await db.schema.alterTable('group_notes').dropColumn('sections').execute();
  await db.schema.alterTable('group_notes').dropColumn('template_version').execute();
  await db.schema.alterTable('group_notes').dropColumn('template_kind').execute();
  await db.schema.dropTable('programme_note_templates').execute();
}
