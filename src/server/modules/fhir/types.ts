import type { CodeableConcept, Coding, Observation, Questionnaire, QuestionnaireResponse, Reference } from '../measures/engine/fhir-types.js';

/**
 * The parts of FHIR R4 (4.0.1) Patient, Group, Encounter, Goal, Consent, Flag and Bundle that
 * Hearth writes. The measures engine owns Questionnaire, QuestionnaireResponse and Observation.
 * Conformance is checked in tests against the official R4 JSON schema (testing/fhir-schema.ts).
 */
export type { CodeableConcept, Coding, Reference };

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  system: string;
  value: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Patient {
  resourceType: 'Patient';
  id?: string;
  identifier?: Identifier[];
  active?: boolean;
  name?: { use?: 'usual' | 'official'; text: string }[];
  telecom?: { system: 'phone' | 'email'; value: string; use?: 'home' | 'mobile' }[];
}

export interface Group {
  resourceType: 'Group';
  id?: string;
  identifier?: Identifier[];
  active?: boolean;
  type: 'person';
  actual: true;
  code?: CodeableConcept;
  name?: string;
  quantity?: number;
  member?: { entity: Reference; period?: Period; inactive?: boolean }[];
}

export interface Encounter {
  resourceType: 'Encounter';
  id?: string;
  status: 'finished' | 'cancelled' | 'planned' | 'in-progress';
  class: Coding;
  type?: CodeableConcept[];
  subject?: Reference;
  period?: Period;
  length?: { value: number; unit: string; system: string; code: string };
  extension?: { url: string; valueString?: string }[];
  serviceType?: CodeableConcept;
}

export interface Goal {
  resourceType: 'Goal';
  id?: string;
  lifecycleStatus: 'proposed' | 'planned' | 'accepted' | 'active' | 'on-hold' | 'completed' | 'cancelled' | 'entered-in-error' | 'rejected';
  achievementStatus?: CodeableConcept;
  description: CodeableConcept;
  subject: Reference;
  startDate?: string;
  target?: { dueDate?: string }[];
  statusDate?: string;
  note?: { text: string }[];
}

export interface Consent {
  resourceType: 'Consent';
  id?: string;
  status: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime?: string;
  policy?: { uri: string }[];
  sourceAttachment?: { contentType: string; data: string; title: string; creation?: string };
}

export interface Flag {
  resourceType: 'Flag';
  id?: string;
  status: 'active' | 'inactive' | 'entered-in-error';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  period?: Period;
}

export type HearthResource = Patient | Group | Encounter | Goal | Consent | Flag | QuestionnaireResponse | Observation | Questionnaire;

export interface BundleEntry {
  fullUrl: string;
  resource: HearthResource;
  request?: { method: 'POST' | 'PUT'; url: string; ifNoneExist?: string };
}

export interface Bundle {
  resourceType: 'Bundle';
  id?: string;
  type: 'collection' | 'transaction';
  timestamp: string;
  entry: BundleEntry[];
}
