import { describe, expect, it } from 'vitest';
import { fhirSchemaProblems, referencesIn } from '../src/server/testing/fhir-schema';
import { checkA11y } from './support/a11y';
import { DEMO } from './support/app';
import { useHearth } from './support/hearth';

// Issue 15 item 1: an administrator runs the service-wide FHIR $export from the admin screen and
// downloads its files; every line of every file is an R4 resource that passes the official schema,
// and every reference in them names a resource in the files.

const hearth = useHearth();

describe('bulk FHIR export from the admin screen', () => {
  it('starts an export, shows it running and ready, and its downloaded files validate', async () => {
    const { page, context } = await hearth.signedIn(DEMO.admin);
    await page.getByRole('link', { name: 'FHIR export' }).click();
    await page.getByRole('heading', { level: 1, name: 'FHIR export' }).waitFor();
    await page.getByText('No export yet.').waitFor();
    expect(await checkA11y(page)).toEqual([]);

    await page.getByRole('button', { name: 'Start export' }).click();
    const panel = page.getByRole('region', { name: 'Bulk FHIR export' });
    await panel.getByText('Ready', { exact: true }).waitFor({ timeout: 60_000 });
    const files = panel.getByRole('list', { name: 'Files' }).getByRole('link');
    const names = await files.allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['Patient.ndjson', 'Group.ndjson', 'Encounter.ndjson', 'QuestionnaireResponse.ndjson', 'Observation.ndjson']));
    expect(await checkA11y(page)).toEqual([]);

    const resources: { resourceType: string; id: string }[] = [];
    for (const link of await files.all()) {
      const href = await link.getAttribute('href');
      const response = await context.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/fhir+ndjson');
      const type = (await link.innerText()).replace('.ndjson', '');
      for (const line of (await response.text()).trimEnd().split('\n')) {
        const resource = JSON.parse(line) as { resourceType: string; id: string };
        expect(resource.resourceType).toBe(type);
        expect(fhirSchemaProblems(resource), `${type}/${resource.id}`).toEqual([]);
        resources.push(resource);
      }
    }
    expect(resources.filter((r) => r.resourceType === 'Patient').length).toBeGreaterThan(3);
    const known = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
    expect(referencesIn(resources).filter((ref) => !known.has(ref))).toEqual([]);

    // A second export can start once the first is done; the first moves to the earlier list.
    await panel.getByRole('button', { name: 'Start export' }).click();
    await panel.getByRole('table', { name: 'Earlier exports' }).waitFor();
    // "Ready" is also the earlier export's status in the table: wait for the new one's files.
    await panel.getByRole('list', { name: 'Files' }).waitFor({ timeout: 60_000 });
    // Deleting the files: the links go, the status says so.
    await panel.getByRole('button', { name: 'Delete these files now' }).click();
    await panel.getByText('Cancelled', { exact: true }).waitFor();
    expect(await panel.getByRole('list', { name: 'Files' }).count()).toBe(0);
  });

  it('keeps clinicians out of the page and the endpoint', async () => {
    const b = await hearth.signedIn(DEMO.clinician);
    await b.page.goto(`${hearth.baseUrl}/admin/fhir-export`);
    await b.page.getByRole('heading', { name: "We couldn't find that page" }).waitFor();
    const response = await b.context.request.get(`${hearth.baseUrl}/api/fhir/$export`, { headers: { prefer: 'respond-async' } });
    expect(response.status()).toBe(403);
    expect((await response.json()).resourceType).toBe('OperationOutcome');
  });
});
