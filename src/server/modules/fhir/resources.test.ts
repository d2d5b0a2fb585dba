import { describe, expect, it } from 'vitest';
import { fhirSchemaProblems } from '../../testing/fhir-schema.js';
import { collectionBundle, transactionBundle, unresolvedReferences } from './bundle.js';
import { encounterJson, toConsent, toEncounter, toFlag, toGoal, toGroup, toPatient, type EncounterInput } from './resources.js';

const P = '3f2b8c1e-6d4a-4e7b-9c0d-1a2b3c4d5e6f';
const G = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const resources = () => [
  toPatient({ id: P, displayName: 'Robin Path', email: 'robin@example.org', active: true, identifiers: [] }),
  toGroup({
    id: G,
    name: 'Tuesday group',
    programmeName: 'The Power of Connection',
    active: false,
    members: [{ participantId: P, joinedAt: '2026-01-05T18:00:00.000Z', leftAt: '2026-03-30T19:30:00.000Z', active: false }],
  }),
  toEncounter({
    id: 'e-1',
    participantId: P,
    startsAt: '2026-01-05T18:00:00.000Z',
    endsAt: '2026-01-05T19:30:00.000Z',
    topic: 'Boundaries',
    online: true,
    attendance: 'left_early',
    minutes: 20,
  }),
  toGoal({
    id: 'g-1',
    participantId: P,
    area: 'connection',
    action: 'Call my sister',
    frequency: 'Weekly',
    targetDate: '2026-03-01',
    supportNeeded: '',
    status: 'achieved',
    createdAt: '2026-01-05T18:00:00.000Z',
    updatedAt: '2026-02-20T10:00:00.000Z',
    milestones: [{ title: 'First call', reachedAt: '2026-01-12T10:00:00.000Z' }],
  }),
  toConsent({
    id: 'c-1',
    participantId: P,
    programmeName: 'The Power of Connection',
    version: 1,
    acceptedAt: '2026-01-04T10:00:00.000Z',
    body: 'Confidentiality, respect — and no recording.',
    policyUri: 'https://fhir.example.org/GroupAgreement/a-1',
    current: false,
  }),
  toFlag({ id: 'f-1', participantId: P, kind: 'risk_language', tier: 'urgent', createdAt: '2026-02-01T21:00:00.000Z' }),
];

describe('FHIR resources from Hearth records', () => {
  it('each conforms to the R4 schema, past and edge states included', () => {
    for (const resource of resources()) expect(fhirSchemaProblems(resource), resource.resourceType).toEqual([]);
    const [patient, group, encounter, goal, consent, flag] = resources();
    expect(patient).not.toHaveProperty('identifier');
    expect(group).toMatchObject({ active: false, member: [{ inactive: true, period: { start: '2026-01-05T18:00:00.000Z', end: '2026-03-30T19:30:00.000Z' } }] });
    expect(encounter).toMatchObject({ class: { code: 'VR' }, length: { value: 90 } });
    expect(goal).toMatchObject({
      lifecycleStatus: 'completed',
      achievementStatus: { coding: [{ code: 'achieved' }] },
      note: [{ text: 'Milestone: First call (reached 2026-01-12)' }],
    });
    expect(consent).toMatchObject({ status: 'inactive' });
    // The Flag names the kind and tier, never the words that raised it.
    expect(flag).toMatchObject({ code: { text: 'Urgent safety alert (risk language): open in Hearth' } });
  });

  it('bundles them as a collection under the base and as a self-contained transaction', () => {
    const now = new Date('2026-04-01T12:00:00.000Z');
    const collection = collectionBundle(resources(), 'https://fhir.example.org', now);
    expect(fhirSchemaProblems(collection)).toEqual([]);
    expect(collection.entry[0]!.fullUrl).toBe(`https://fhir.example.org/Patient/${P}`);
    expect(unresolvedReferences(collection)).toEqual([]);
    const transaction = transactionBundle(resources(), now);
    expect(fhirSchemaProblems(transaction)).toEqual([]);
    expect(unresolvedReferences(transaction)).toEqual([]);
    // No record number: a plain POST, nothing to match an existing patient on.
    expect(transaction.entry[0]!.request).toEqual({ method: 'POST', url: 'Patient' });
    // A reference to something outside the Bundle is left as it is, and reported.
    const outside = transactionBundle([toFlag({ id: 'f-2', participantId: 'someone-else', kind: 'measure_item', tier: 'concern', createdAt: '2026-02-01T21:00:00.000Z' })], now);
    expect(unresolvedReferences(outside)).toEqual(['Patient/someone-else']);
    expect(() => collectionBundle([{ resourceType: 'Flag', status: 'active', code: { text: 'x' }, subject: { reference: 'Patient/x' } }], 'https://x', now)).toThrow(RangeError);
  });

  it("writes an Encounter's JSON exactly as JSON.stringify of the built Encounter", () => {
    const base: EncounterInput = {
      id: 'e-1',
      participantId: P,
      startsAt: '2026-01-05T18:00:00.000Z',
      endsAt: '2026-01-05T19:30:00.000Z',
      topic: 'Boundaries',
      online: true,
      attendance: 'present',
      minutes: null,
    };
    const variants: EncounterInput[] = [
      base,
      { ...base, online: false, attendance: 'late', minutes: 15 },
      { ...base, attendance: 'left_early', minutes: null },
      // Quotes, a backslash, a line break, a control character, a lone surrogate and letters outside ASCII, as a facilitator may type them.
      { ...base, topic: 'Saying "no" \\ setting limits\nat home\u0007 \ud800 — café 😊' },
      // Times that do not parse: a length of null, as JSON.stringify writes NaN.
      { ...base, startsAt: 'not a time' },
      { ...base, endsAt: '2026-01-05T18:00:29.000Z' },
    ];
    for (const input of variants) expect(encounterJson(input)).toBe(JSON.stringify(toEncounter(input)));
  });
});
