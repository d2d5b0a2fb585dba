import type { Transaction } from 'kysely';
import type { Config } from '../config/env.js';
import type { AlertOutcome, DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { acknowledgeAlert } from '../modules/alerts/acknowledge-alert.js';
import { resolveAlert } from '../modules/alerts/resolve-alert.js';
import { normalizePhrase } from '../modules/moderation/watched-phrases.js';
import { seedContext } from './seed-context.js';
import { daysBefore } from './demo-members.js';

/** A safety plan for the first demo participant, made with their clinician, and a few watched phrases of the service. */
export async function seedDemoSafety(trx: Transaction<DB>, input: { participantId: string; clinicianId: string; now: Date }): Promise<void> {
  const at = daysBefore(input.now);
  await trx
    .insertInto('safety_plans')
    .values({
      id: newId(),
      participant_id: input.participantId,
      warning_signs: JSON.stringify(['Staying in bed past midday', 'Not answering my sister’s messages', 'Thinking “what’s the point” about everything']),
      coping_steps: JSON.stringify(['Box breathing: in 4, hold 4, out 4, hold 4', 'Walk round the park with headphones on', 'A hot shower and clean clothes']),
      distractions: JSON.stringify(['The library café on the high street', 'Saturday walking group', 'Texting Jo about the football']),
      help_contacts: JSON.stringify([
        { name: 'My sister Jo', contact: '07700 900123' },
        { name: 'Sam from the walking group', contact: 'I see him on Saturdays' },
      ]),
      professionals: JSON.stringify([
        { name: 'Ada, my group clinician (weekdays)', contact: '020 7946 0000' },
        { name: 'GP surgery', contact: '020 7946 0001' },
        { name: 'Samaritans (any time)', contact: '116 123' },
        { name: 'NHS 111, option 2 (mental health crisis)', contact: '111' },
      ]),
      safe_environment: JSON.stringify(['Jo keeps my spare tablets; I have a week at a time', 'No alcohol in the flat on bad weeks']),
      reasons_for_living: JSON.stringify(['My niece Ella', 'My cat, Pickle', 'Seeing the sea again this summer']),
      version: 2,
      created_at: at(20),
      updated_at: at(6),
      updated_by: input.clinicianId,
    })
    .execute();
  const phrases: [string, 'block' | 'hold' | 'flag' | 'redact', string][] = [
    ['pro ana', 'block', 'Pro-eating-disorder content is not allowed in the group space.'],
    ['thinspo', 'block', 'Pro-eating-disorder content.'],
    ['meet up', 'hold', 'Meeting outside the group: a facilitator checks the group agreement is kept.'],
    ['selling meds', 'flag', 'Medication being offered between members.'],
  ];
  await trx
    .insertInto('watched_phrases')
    .values(
      phrases.map(([phrase, action, note]) => ({
        id: newId(),
        phrase,
        normalized: normalizePhrase(phrase),
        action,
        note,
        created_by: null,
        created_at: at(30),
        updated_by: null,
        updated_at: at(30),
      })),
    )
    .execute();
}

/** What the demo's clinicians did about each kind of alert the history raised; kinds not listed stay open. */
const HANDLED: Record<string, { by: 'lead' | 'co'; ackAfterHours: number; resolve?: { afterHours: number; outcome: AlertOutcome; note: string } }> = {
  reliable_deterioration: {
    by: 'lead',
    ackAfterHours: 3,
    resolve: {
      afterHours: 26,
      outcome: 'check_in_done',
      note: 'Phoned the next day: a hard week after a job rejection. Agreed to bring it to the group; PHQ-9 again in four weeks.',
    },
  },
  // Acknowledged, not yet resolved: the co-facilitator has left a message and will try again.
  attendance_absences: { by: 'co', ackAfterHours: 14 },
};

/**
 * The alerts the demo's history raised (through the real use cases), handled as the story goes:
 * Cedar's reliable deterioration was acknowledged and resolved after a check-in; his reach-out
 * alert for two missed sessions was acknowledged; Ember's folded risk messages of this afternoon
 * are still open, for the demo. Every step goes through the same use cases as the alert queue.
 */
export async function handleDemoAlerts(trx: Transaction<DB>, input: { config: Config; leadId: string; coId: string; now: Date }): Promise<void> {
  const alerts = await trx.selectFrom('alerts').select(['id', 'kind', 'created_at']).where('status', '=', 'open').orderBy('created_at').execute();
  for (const alert of alerts) {
    const plan = HANDLED[alert.kind];
    if (!plan) continue;
    const raised = Date.parse(alert.created_at);
    // Never later than the demo's present: a recent alert is acknowledged halfway to now.
    const when = (hours: number) => new Date(Math.min(raised + hours * 3_600_000, raised + (input.now.getTime() - raised) / 2));
    const actor = { id: plan.by === 'lead' ? input.leadId : input.coId, role: 'clinician' as const };
    await acknowledgeAlert(seedContext(trx, input.config, actor, when(plan.ackAfterHours)), alert.id);
    if (plan.resolve && raised + plan.resolve.afterHours * 3_600_000 < input.now.getTime()) {
      await resolveAlert(seedContext(trx, input.config, actor, when(plan.resolve.afterHours)), alert.id, plan.resolve.outcome, plan.resolve.note);
    }
  }
}
