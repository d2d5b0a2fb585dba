import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { normalizePhrase } from '../modules/moderation/watched-phrases.js';

/** A safety plan for the first demo participant, made with their clinician, and a few watched phrases of the service. */
export async function seedDemoSafety(trx: Transaction<DB>, input: { participantId: string; clinicianId: string; now: Date }): Promise<void> {
  const at = (days: number) => new Date(input.now.getTime() - days * 86_400_000).toISOString();
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
    .values(phrases.map(([phrase, action, note]) => ({ id: newId(), phrase, normalized: normalizePhrase(phrase), action, note, created_by: null, created_at: at(30), updated_by: null, updated_at: at(30) })))
    .execute();
}
