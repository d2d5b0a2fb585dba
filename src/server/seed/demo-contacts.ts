import type { Transaction } from 'kysely';
import type { ContactMethod, DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { daysBefore } from './demo-members.js';

// Fictional people and Ofcom's drama ranges only (07700 900xxx, 01632 960xxx): no number here can ring anyone.
type Gp = [practice: string, name: string, phone: string, address: string];
/** The demo's three practices, each shared by several participants. */
const RIVERSIDE: Gp = ['Riverside Surgery', 'Dr Hannah Patel', '+441632960100', '12 Mill Lane, Exampleton EX1 2AB'];
const HARBOUR_HEALTH: Gp = ['Harbour Health Centre', 'Dr Owen Hughes', '+441632960200', '3 Quay Street, Exampleton EX2 4CD'];
const PARKSIDE: Gp = ['Parkside Medical Practice', 'Dr Lucy Grant', '+441632960300', '40 Park Road, Exampleton EX3 6EF'];

const DETAILS: {
  mobile: string | null;
  home: string | null;
  method: ContactMethod;
  times: string;
  emergency: [name: string, relation: string, phone: string, consent: boolean | null] | null;
  gp: Gp;
  riskNote: string | null;
}[] = [
  {
    mobile: '+447700900123',
    home: null,
    method: 'sms',
    times: 'Weekday mornings; not after 8pm',
    emergency: ['Jo Thompson', 'Sister', '+447700900124', true],
    gp: RIVERSIDE,
    riskNote: null,
  },
  {
    mobile: '+447700900231',
    home: '+441632960231',
    method: 'phone',
    times: 'Lunchtimes',
    emergency: ['Rosa Reyes', 'Mother', '+447700900232', true],
    gp: RIVERSIDE,
    riskNote: null,
  },
  {
    mobile: '+447700900345',
    home: null,
    method: 'email',
    times: 'Nap times: 1–3pm',
    emergency: ['Arjun Nair', 'Partner', '+447700900346', true],
    gp: HARBOUR_HEALTH,
    riskNote: null,
  },
  {
    mobile: '+447700900412',
    home: '+441632960412',
    method: 'phone',
    times: 'Afternoons',
    emergency: null,
    gp: HARBOUR_HEALTH,
    riskNote: null,
  },
  {
    mobile: '+447700900567',
    home: null,
    method: 'sms',
    times: 'Texts any time; calls after 5pm',
    emergency: ['Marta Kowalska', 'Friend', '+447700900568', null],
    gp: RIVERSIDE,
    riskNote: null,
  },
  {
    mobile: '+447700900689',
    home: '+441632960689',
    method: 'phone',
    times: 'Evenings',
    emergency: ['Samir Haddad', 'Brother', '+447700900690', false],
    gp: PARKSIDE,
    riskNote: 'Prefers we do not leave voicemail on the home number (shared flat).',
  },
  {
    mobile: '+447700900745',
    home: null,
    method: 'letter',
    times: 'Any weekday',
    emergency: ['Wei Liu', 'Father', '+447700900746', true],
    gp: PARKSIDE,
    riskNote: 'On the ward until further notice: contact through the ward first.',
  },
  {
    mobile: '+447700900871',
    home: null,
    method: 'phone',
    times: 'Mornings before 11',
    emergency: ['Clare Murphy', 'Aunt', '+447700900872', true],
    gp: RIVERSIDE,
    riskNote: null,
  },
];

/** Contact details for the demo participants, in the order they were created, entered with their clinician. */
export async function seedDemoContacts(trx: Transaction<DB>, input: { participantIds: string[]; clinicianId: string; now: Date }): Promise<void> {
  const at = daysBefore(input.now);
  const rows = input.participantIds.flatMap((participantId, index) => {
    const d = DETAILS[index];
    if (!d) return [];
    return [
      {
        id: newId(),
        participant_id: participantId,
        referral_id: null,
        mobile_phone: d.mobile,
        home_phone: d.home,
        preferred_method: d.method,
        preferred_times: d.times,
        emergency_name: d.emergency?.[0] ?? null,
        emergency_relation: d.emergency?.[1] ?? null,
        emergency_phone: d.emergency?.[2] ?? null,
        emergency_consent: d.emergency?.[3] === undefined || d.emergency[3] === null ? null : d.emergency[3] ? 1 : 0,
        emergency_consent_at: d.emergency && d.emergency[3] !== null ? at(40) : null,
        gp_practice: d.gp[0],
        gp_name: d.gp[1],
        gp_phone: d.gp[2],
        gp_address: d.gp[3],
        contact_risk_note: d.riskNote,
        created_at: at(45),
        updated_at: at(40),
        updated_by: input.clinicianId,
      },
    ];
  });
  if (rows.length) await trx.insertInto('participant_contacts').values(rows).execute();
}
