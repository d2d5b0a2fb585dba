import { sql, type Kysely } from 'kysely';

/**
 * Reaching the duty clinician: the service's duty rota (dated shifts), staff mobile numbers,
 * push subscriptions of clinicians' devices, who each alert was sent to, every delivery attempt
 * (an outbox the delivery job claims row by row) and the SMS outbox. Alerts gain an escalation
 * ladder: the step reached and when the next step is due.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('mobile_e164', 'text').execute();

  await db.schema
    .createTable('rota_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinician_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('rota_shifts_order', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('rota_shifts_window').on('rota_shifts').columns(['starts_at', 'ends_at']).execute();

  await db.schema
    .alterTable('alerts')
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('alerts').addColumn('next_escalation_at', 'text').execute();
  // Alerts still waiting for their first escalation keep their deadline as the first step.
  await db
    .updateTable('alerts')
    .set({ next_escalation_at: sql`ack_due_at` })
    .where('status', '=', 'open')
    .where('escalated_at', 'is', null)
    .execute();
  await db.schema.createIndex('alerts_next_escalation').on('alerts').columns(['status', 'next_escalation_at']).execute();

  await db.schema
    .createTable('alert_recipients')
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('facilitator','duty','fallback','escalation')`))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_recipients_pk', ['alert_id', 'user_id'])
    .execute();
  await db.schema.createIndex('alert_recipients_user').on('alert_recipients').columns(['user_id', 'alert_id']).execute();

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('device_label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'text')
    .execute();
  await db.schema.createIndex('push_subscriptions_user').on('push_subscriptions').column('user_id').execute();

  await db.schema
    .createTable('alert_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('in_app','push','email','sms')`))
    // The subscription id (push), the address (e-mail) or the E.164 number (SMS).
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued','sending','sent','failed')`))
    .addColumn('error', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('attempted_at', 'text')
    .addColumn('latency_ms', 'integer')
    .execute();
  await db.schema.createIndex('alert_deliveries_status').on('alert_deliveries').columns(['status', 'queued_at']).execute();
  await db.schema.createIndex('alert_deliveries_alert').on('alert_deliveries').columns(['alert_id', 'queued_at']).execute();

  await db.schema
    .createTable('sms_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_e164', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sms_outbox_created').on('sms_outbox').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sms_outbox').execute();
  await db.schema.dropTable('alert_deliveries').execute();
  await db.schema.dropTable('push_subscriptions').execute();
  await db.schema.dropTable('alert_recipients').execute();
  await db.schema.dropIndex('alerts_next_escalation').execute();
  await db.schema.alterTable('alerts').dropColumn('next_escalation_at').execute();
  await db.schema.alterTable('alerts').dropColumn('escalation_level').execute();
  await db.schema.dropTable('rota_shifts').execute();
  await db.schema.alterTable('users').dropColumn('mobile_e164').execute();
}
