import { describe, expect, it } from 'vitest';
import { fhirSchemaProblems } from './fhir-schema.js';

// The schema check itself must catch what an EHR would refuse; otherwise every "validates" is empty.
describe('fhirSchemaProblems (official R4 JSON schema)', () => {
  it('passes a conforming resource', () => {
    expect(fhirSchemaProblems({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }], gender: 'female' })).toEqual([]);
  });

  it('names an unknown element, a value outside its value set and an unknown resource type', () => {
    expect(fhirSchemaProblems({ resourceType: 'Patient', nickname: 'x' })).toContain('(resource): should NOT have additional properties "nickname"');
    expect(fhirSchemaProblems({ resourceType: 'Patient', gender: 'f' }).join('\n')).toContain('.gender: should be equal to one of the allowed values');
    expect(fhirSchemaProblems({ resourceType: 'Wrapper' })).toEqual(["Invalid resourceType 'Wrapper'"]);
  });

  it('looks inside Bundle entries', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ fullUrl: 'urn:uuid:8d7a4d2e-1b1f-4e0e-9a51-3c1f7b6f1a10', resource: { resourceType: 'Encounter', status: 'done', class: { code: 'AMB' } } }],
    };
    expect(fhirSchemaProblems(bundle).join('\n')).toContain('.entry[0].resource.status');
  });
});
