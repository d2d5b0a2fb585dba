/**
 * Claim-ready billing and calendar privacy screens (issue 15 items 4 and 6): the record number and
 * claim details on a member's record (shown, edited, a bad ICD-10 code refused), the group's place
 * of service, a clinician's professional identifier on their account page, the administrator's
 * billing-column choice and default calendar privacy, and a member's calendar card under a full
 * service default. Standalone:
 *   npx tsx scripts/screenshots-claims.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/claims-*.png at 1280 and 375 px)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { saveShot } from '../e2e/support/shots';
import { apiSession } from '../e2e/support/api';
import { DEMO, signIn } from '../e2e/support/app';
import { DESKTOP, openBrowser, PHONE } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';

async function main(): Promise<void> {
  if (!process.env.SKIP_BUILD) await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  const outDir = path.join(repoRoot, 'screenshots');
  await mkdir(outDir, { recursive: true });
  const server = await startServer({ HEARTH_RECORD_NUMBER_SYSTEM: 'https://fhir.nhs.uk/Id/nhs-number' });
  const base = server.baseUrl;
  let failures = 0;
  try {
    const ada = await apiSession(base, DEMO.clinician);
    const groups = await ada.get<{ groups: { id: string; name: string }[] }>('/groups');
    const groupId = groups.groups[0]?.id ?? '';
    const group = await ada.get<{ members: { enrolmentId: string; pseudonym: string }[] }>(`/groups/${groupId}`);
    const willow = group.members.find((m) => m.pseudonym === 'Willow')?.enrolmentId ?? group.members[0]?.enrolmentId ?? '';
    const admin = await apiSession(base, DEMO.admin);
    await admin.send('PATCH', '/admin/settings', { 'calendar.default_privacy': 'full' });

    for (const viewport of [DESKTOP, PHONE]) {
      const shoot = async (page: Page, name: string) => {
        await page.waitForTimeout(300);
        const file = path.join(outDir, `claims-${name}-${viewport.width}.png`);
        const problems = await saveShot(page, file);
        failures += problems.length;
      };

      // A clinician records the claim details on the member's record.
      let b = await openBrowser(viewport);
      let page = b.page;
      await signIn(page, base, DEMO.clinician);
      await page.goto(`${base}/records/${willow}`);
      const heading = page.getByRole('heading', { name: 'Record number and claim details' });
      await heading.waitFor();
      await page.getByRole('button', { name: 'Edit record number and claim details' }).click();
      await page.getByLabel('Record number (optional)').fill('943 476 5919');
      await page.getByLabel('Date of birth (optional)').fill('1984-02-29');
      await page.getByLabel('Diagnosis code (optional)').fill('F41.');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page
        .getByText(/Use an ICD-10 code/)
        .first()
        .waitFor();
      await heading.scrollIntoViewIfNeeded();
      await shoot(page, 'record-bad-code');
      await page.getByLabel('Diagnosis code (optional)').fill('f41.1');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('F41.1').waitFor();
      await heading.scrollIntoViewIfNeeded();
      await shoot(page, 'record-saved');
      // The group's place of service.
      await page.goto(`${base}/groups/${groupId}?tab=settings`);
      const place = page.getByLabel('Place of service (optional)');
      await place.waitFor();
      await place.fill('53');
      await place.scrollIntoViewIfNeeded();
      await shoot(page, 'group-settings');
      // Their own professional identifier.
      await page.goto(`${base}/account`);
      await page.getByLabel('Professional identifier (optional)').fill('GMC 7654321');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Professional identifier saved.').waitFor();
      await page.getByRole('heading', { name: 'Professional identifier' }).scrollIntoViewIfNeeded();
      await shoot(page, 'account-identifier');
      await b.close();

      // The administrator chooses the billing columns and the calendars' default.
      b = await openBrowser(viewport);
      page = b.page;
      await signIn(page, base, DEMO.admin);
      await page.goto(`${base}/admin/settings`);
      await page.getByRole('heading', { name: 'Billing export columns' }).waitFor();
      await page.getByLabel('Add a column').selectOption('diagnosis_code');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('button', { name: 'Move Diagnosis code (ICD-10) up' }).click();
      await page.getByRole('button', { name: 'Save columns' }).click();
      await page.getByText('Billing columns saved.').waitFor();
      await page.getByLabel('What calendars show by default').scrollIntoViewIfNeeded();
      await shoot(page, 'admin-settings');
      await b.close();

      // A member's calendar card while the service's default is full.
      b = await openBrowser(viewport);
      page = b.page;
      await signIn(page, base, DEMO.participant);
      await page.goto(`${base}/upcoming`);
      await page
        .getByText('What your calendar shows')
        .first()
        .waitFor({ timeout: 5000 })
        .catch(async () => {
          await page.getByRole('button', { name: 'Make a calendar link' }).click();
          await page.getByText('What your calendar shows').first().waitFor();
        });
      await page.getByText('What your calendar shows').first().scrollIntoViewIfNeeded();
      await shoot(page, 'member-calendar');
      await b.close();
      // Back to the default columns for the next viewport's run to start alike.
      await admin.send('PUT', '/admin/billing-columns', { columns: null });
    }
  } finally {
    await server.stop();
  }
  if (failures) console.log(`${failures} problem(s) found`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
