import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { DEMO, DEMO_PASSWORD, submitSignIn } from './support/app';
import { useHearth } from './support/hearth';

// Data rights (issue 15 item 3) in a real browser: a participant downloads their data (readable
// page and FHIR file) from their account; an administrator previews an erasure, carries it out,
// and downloads its report; the erased member can no longer sign in.

const hearth = useHearth();

describe('data rights', () => {
  it('a participant downloads their data as a readable page and as FHIR', async () => {
    const { page } = await hearth.signedIn(DEMO.participant);
    await page.goto(`${hearth.baseUrl}/account`);
    await page.getByTestId('your-data-link').click();
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    expect(await checkA11y(page)).toEqual([]);

    const [summary] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-summary').click()]);
    expect(summary.suggestedFilename()).toBe('hearth-my-data.html');
    const html = await readFile((await summary.path())!, 'utf8');
    expect(html).toContain('Your data in');
    expect(html).toContain('Maya Thompson');
    expect(html).toContain('Questionnaires: your answers and scores');

    const [fhir] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-fhir').click()]);
    expect(fhir.suggestedFilename()).toBe('hearth-my-data.fhir.json');
    const bundle = JSON.parse(await readFile((await fhir.path())!, 'utf8')) as { resourceType: string; type: string; entry: { resource: { resourceType: string } }[] };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry[0]?.resource.resourceType).toBe('Patient');
    expect(bundle.entry.some((e) => e.resource.resourceType === 'QuestionnaireResponse')).toBe(true);
  });

  it('an administrator previews an erasure, carries it out and downloads the report; the member cannot sign in', async () => {
    const { page } = await hearth.signedIn(DEMO.admin);
    await page.goto(`${hearth.baseUrl}/admin/users`);
    await page.getByRole('button', { name: 'Actions for Jonah Reyes' }).first().click();
    await page.getByRole('menuitem', { name: 'Erase personal data…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Erase personal data' }).waitFor();
    await page.getByText('Nothing has changed yet.').waitFor();
    const lines = page.getByTestId('erasure-lines');
    await lines.getByText('Journal entries').first().waitFor();
    expect(await lines.innerText()).toMatch(/Questionnaire answers and scores\s+\d+\s+kept/i);
    expect(await checkA11y(page)).toEqual([]);

    const erase = page.getByRole('button', { name: 'Erase Jonah Reyes’s data' });
    expect(await erase.isDisabled()).toBe(true);
    await page.getByLabel('Reason').fill('Letter of 3 December, ref 42');
    await page.getByLabel(/I have checked this is Jonah Reyes’s request/).check();
    await erase.click();
    await page.getByRole('heading', { name: 'Erasure carried out' }).waitFor();
    await page.getByRole('status').getByText('The data was erased.').waitFor();
    expect(await checkA11y(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-erasure-report').click()]);
    const report = JSON.parse(await readFile((await download.path())!, 'utf8')) as { dryRun: boolean; reason: string; lines: { kind: string; outcome: string }[] };
    expect(report).toMatchObject({ dryRun: false, reason: 'Letter of 3 December, ref 42' });
    expect(report.lines).toContainEqual(expect.objectContaining({ kind: 'Account', outcome: 'anonymised' }));

    // The account is de-identified in the list, and its old address no longer signs in.
    await page.goto(`${hearth.baseUrl}/admin/users`);
    await page.getByRole('button', { name: 'Actions for Erased member' }).first().waitFor();
    const member = await hearth.browser();
    await member.page.goto(`${hearth.baseUrl}/sign-in`);
    await submitSignIn(member.page, 'participant2@demo.hearth.local', DEMO_PASSWORD);
    await member.page.getByRole('alert').first().waitFor();
    expect(await member.page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
  });
});
