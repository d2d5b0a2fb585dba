import { HEARTH_ALERTS_SYSTEM } from '../measures/engine/fhir-codes.js';
import type { Consent, Encounter, Flag, Goal, Group, Identifier, Patient } from './types.js';

/**
 * Hearth's records as FHIR R4 resources: pure functions from plain values, so the same builders
 * serve one participant's Bundle and any later service-wide export. References are literal
 * (`Patient/<id>`); a transaction Bundle rewrites them to its urn:uuid fullUrls.
 */

const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const SNOMED_SYSTEM = 'http://snomed.info/sct';
const UCUM_SYSTEM = 'http://unitsofmeasure.org';
const LOINC_SYSTEM = 'http://loinc.org';

export interface PatientInput {
  id: string;
  displayName: string;
  email: string;
  active: boolean;
  identifiers: readonly Identifier[];
}

/** The participant: record numbers as official identifiers, name as written, e-mail. */
export function toPatient(p: PatientInput): Patient {
  return {
    resourceType: 'Patient',
    id: p.id,
    ...(p.identifiers.length ? { identifier: p.identifiers.map((i) => ({ use: 'official' as const, system: i.system, value: i.value })) } : {}),
    active: p.active,
    name: [{ use: 'usual', text: p.displayName }],
    telecom: [{ system: 'email', value: p.email }],
  };
}

export interface GroupInput {
  id: string;
  name: string;
  programmeName: string;
  active: boolean;
  members: readonly { participantId: string; joinedAt: string | null; leftAt: string | null; active: boolean }[];
}

/** The therapy group as an actual Group of persons; members with their time in the group. */
export function toGroup(g: GroupInput): Group {
  return {
    resourceType: 'Group',
    id: g.id,
    active: g.active,
    type: 'person',
    actual: true,
    code: { text: `Group therapy: ${g.programmeName}` },
    name: g.name,
    quantity: g.members.length,
    member: g.members.map((m) => ({
      entity: { reference: `Patient/${m.participantId}` },
      ...(m.joinedAt || m.leftAt ? { period: { ...(m.joinedAt ? { start: m.joinedAt } : {}), ...(m.leftAt ? { end: m.leftAt } : {}) } } : {}),
      inactive: !m.active,
    })),
  };
}

export interface EncounterInput {
  /** The attendance: session id and enrolment make it unique. */
  id: string;
  participantId: string;
  startsAt: string;
  endsAt: string;
  topic: string;
  online: boolean;
  /** present, late or left early: an Encounter is only made for a session the person attended. */
  attendance: 'present' | 'late' | 'left_early';
  minutes: number | null;
}

const VIRTUAL_CLASS = { system: ACT_CODE_SYSTEM, code: 'VR', display: 'virtual' } as const;
const AMBULATORY_CLASS = { system: ACT_CODE_SYSTEM, code: 'AMB', display: 'ambulatory' } as const;
// SNOMED CT 76168009 "Group psychotherapy (regime/therapy)": checked against the published eCQM value set
// "Follow Up for Adult Depression" (OID 2.16.840.1.113883.3.526.3.1568, expansion "eCQM Update 2025-05-08"),
// which lists it under that name beside 75516001 "Psychotherapy" and 1555005 "Brief group psychotherapy".
const GROUP_PSYCHOTHERAPY = { system: SNOMED_SYSTEM, code: '76168009', display: 'Group psychotherapy' } as const;

function encounterText(e: EncounterInput): string {
  const how = e.attendance === 'late' ? `arrived ${e.minutes ?? '?'} min late` : e.attendance === 'left_early' ? `left ${e.minutes ?? '?'} min early` : 'attended';
  return `Group session: ${e.topic} (${how})`;
}

const encounterMinutes = (e: EncounterInput) => Math.round((Date.parse(e.endsAt) - Date.parse(e.startsAt)) / 60_000);

/** One attended group session: finished, ambulatory (virtual when the group meets online), group psychotherapy. */
export function toEncounter(e: EncounterInput): Encounter {
  return {
    resourceType: 'Encounter',
    id: e.id,
    status: 'finished',
    class: e.online ? { ...VIRTUAL_CLASS } : { ...AMBULATORY_CLASS },
    type: [{ coding: [{ ...GROUP_PSYCHOTHERAPY }], text: encounterText(e) }],
    subject: { reference: `Patient/${e.participantId}` },
    period: { start: e.startsAt, end: e.endsAt },
    length: { value: encounterMinutes(e), unit: 'min', system: UCUM_SYSTEM, code: 'min' },
  };
}

// The fixed parts of an Encounter's JSON, in toEncounter's key order.
const ENCOUNTER_JSON = {
  start: `{"resourceType":"Encounter","id":`,
  classVirtual: `,"status":"finished","class":${JSON.stringify(VIRTUAL_CLASS)},"type":[{"coding":[${JSON.stringify(GROUP_PSYCHOTHERAPY)}],"text":`,
  classAmbulatory: `,"status":"finished","class":${JSON.stringify(AMBULATORY_CLASS)},"type":[{"coding":[${JSON.stringify(GROUP_PSYCHOTHERAPY)}],"text":`,
  length: `,"unit":"min","system":${JSON.stringify(UCUM_SYSTEM)},"code":"min"}}`,
};

/**
 * `JSON.stringify(toEncounter(e))`, byte for byte, without building the object: the service-wide
 * $export writes hundreds of thousands of Encounters, and building then serialising each one was
 * its largest cost after the database (resources.test.ts holds the two to the same output).
 */
export function encounterJson(e: EncounterInput): string {
  const minutes = encounterMinutes(e);
  return (
    ENCOUNTER_JSON.start +
    JSON.stringify(e.id) +
    (e.online ? ENCOUNTER_JSON.classVirtual : ENCOUNTER_JSON.classAmbulatory) +
    JSON.stringify(encounterText(e)) +
    `}],"subject":{"reference":${JSON.stringify(`Patient/${e.participantId}`)}},"period":{"start":${JSON.stringify(e.startsAt)},"end":${JSON.stringify(e.endsAt)}},"length":{"value":` +
    // JSON.stringify writes a number as String() does, and NaN (dates that do not parse) as null.
    (Number.isFinite(minutes) ? String(minutes) : 'null') +
    ENCOUNTER_JSON.length
  );
}

export interface GoalInput {
  id: string;
  participantId: string;
  area: string;
  action: string;
  frequency: string;
  targetDate: string;
  supportNeeded: string;
  status: 'active' | 'achieved' | 'closed';
  createdAt: string;
  updatedAt: string;
  milestones: readonly { title: string; reachedAt: string | null }[];
}

const ACHIEVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-achievement';

/** A SMART goal: what, how often, by when; achieved → completed/achieved, closed → cancelled. */
/** A goal as stored (a `goals` row and the milestones read with it), as a FHIR Goal: one mapping for every export. */
export interface GoalRow {
  id: string;
  area: string;
  action: string;
  frequency: string;
  target_date: string;
  support_needed: string;
  status: GoalInput['status'];
  created_at: string;
  updated_at: string;
}
export function goalFromRow(g: GoalRow, participantId: string, milestones: readonly { goal_id: string; title: string; reached_at: string | null }[]): Goal {
  return toGoal({
    id: g.id,
    participantId,
    area: g.area,
    action: g.action,
    frequency: g.frequency,
    targetDate: g.target_date,
    supportNeeded: g.support_needed,
    status: g.status,
    createdAt: g.created_at,
    updatedAt: g.updated_at,
    milestones: milestones.filter((m) => m.goal_id === g.id).map((m) => ({ title: m.title, reachedAt: m.reached_at })),
  });
}

export function toGoal(g: GoalInput): Goal {
  const lifecycle = g.status === 'achieved' ? 'completed' : g.status === 'closed' ? 'cancelled' : 'active';
  const notes = [
    ...(g.supportNeeded.trim() ? [{ text: `Support needed: ${g.supportNeeded}` }] : []),
    ...g.milestones.map((m) => ({ text: `Milestone: ${m.title}${m.reachedAt ? ` (reached ${m.reachedAt.slice(0, 10)})` : ''}` })),
  ];
  return {
    resourceType: 'Goal',
    id: g.id,
    lifecycleStatus: lifecycle,
    ...(g.status === 'achieved' ? { achievementStatus: { coding: [{ system: ACHIEVEMENT_SYSTEM, code: 'achieved', display: 'Achieved' }] } } : {}),
    description: { text: `${g.area}: ${g.action} (${g.frequency})` },
    subject: { reference: `Patient/${g.participantId}` },
    startDate: g.createdAt.slice(0, 10),
    target: [{ dueDate: g.targetDate }],
    statusDate: g.updatedAt.slice(0, 10),
    ...(notes.length ? { note: notes } : {}),
  };
}

export interface ConsentInput {
  id: string;
  participantId: string;
  programmeName: string;
  version: number;
  acceptedAt: string;
  /** The agreement's text as accepted (kept with the version and time). */
  body: string;
  /** Canonical of the agreement version: <base>/GroupAgreement/<agreement id>. */
  policyUri: string;
  /** False once a later version has been accepted. */
  current: boolean;
}

/** The group agreement the participant accepted: which version, when, its text attached. */
export function toConsent(c: ConsentInput): Consent {
  return {
    resourceType: 'Consent',
    id: c.id,
    status: c.current ? 'active' : 'inactive',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment', display: 'Treatment' }] },
    category: [{ coding: [{ system: LOINC_SYSTEM, code: '59284-0', display: 'Patient Consent' }], text: `${c.programmeName} group agreement, version ${c.version}` }],
    patient: { reference: `Patient/${c.participantId}` },
    dateTime: c.acceptedAt,
    policy: [{ uri: c.policyUri }],
    sourceAttachment: {
      contentType: 'text/plain; charset=utf-8',
      data: Buffer.from(c.body, 'utf8').toString('base64'),
      title: `${c.programmeName} group agreement, version ${c.version}`,
      creation: c.acceptedAt,
    },
  };
}

export interface FlagInput {
  id: string;
  participantId: string;
  kind: string;
  tier: 'concern' | 'urgent';
  createdAt: string;
}

/**
 * An open safety alert as a Flag (category safety). The code names the kind and tier only: the
 * alert's summary may quote what the person wrote, and a Flag is shown wherever the record is opened.
 */
export function toFlag(f: FlagInput): Flag {
  return {
    resourceType: 'Flag',
    id: f.id,
    status: 'active',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'safety', display: 'Safety' }] }],
    code: {
      coding: [{ system: HEARTH_ALERTS_SYSTEM, code: `${f.kind}/${f.tier}` }],
      text: `${f.tier === 'urgent' ? 'Urgent' : 'Concern'} safety alert (${f.kind.replace(/_/g, ' ')}): open in Hearth`,
    },
    subject: { reference: `Patient/${f.participantId}` },
    period: { start: f.createdAt },
  };
}
