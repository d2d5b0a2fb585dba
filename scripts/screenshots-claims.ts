/**
 * Claim-ready billing and calendar privacy screens (issue 15 items 4 and 6): the record number and
 * claim details on a member's record (shown, edited, a bad ICD-10 code refused), the group's place
 * of service, a clinician's professional identifier on their account page, the administrator's
 * billing-column choice and default calendar privacy, and a member's calendar card under a full
 * service default. Standalone:
 *   npx tsx scripts/screenshots-claims.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/claims-*.png at 1280 and 375 px)
 */
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';
import { apiSession } from '../e2e/support/api';
import { DEMO } from '../e2e/support/app';

export async function shootClaimScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  const ada = await apiSession(base, DEMO.clinician);
  const groups = await ada.get<{ groups: { id: string; name: string }[] }>('/groups');
  const groupId = groups.groups[0]?.id ?? '';
  const group = await ada.get<{ members: { enrolmentId: string; pseudonym: string }[] }>(`/groups/${groupId}`);
  const willow = group.members.find((m) => m.pseudonym === 'Willow')?.enrolmentId ?? group.members[0]?.enrolmentId ?? '';
  const admin = await apiSession(base, DEMO.admin);
  await admin.send('PATCH', '/admin/settings', { 'calendar.default_privacy': 'full' });

  // A clinician records the claim details on the member's record.
  await signedIn(base, viewport, DEMO.clinician, async (page) => {
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
  });

  // The administrator chooses the billing columns and the calendars' default.
  await signedIn(base, viewport, DEMO.admin, async (page) => {
    await page.goto(`${base}/admin/settings`);
    await page.getByRole('heading', { name: 'Billing export columns' }).waitFor();
    await page.getByLabel('Add a column').selectOption('diagnosis_code');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Move Diagnosis code (ICD-10) up' }).click();
    await page.getByRole('button', { name: 'Save columns' }).click();
    await page.getByText('Billing columns saved.').waitFor();
    await page.getByLabel('What calendars show by default').scrollIntoViewIfNeeded();
    await shoot(page, 'admin-settings');
  });

  // A member's calendar card while the service's default is full.
  await signedIn(base, viewport, DEMO.participant, async (page) => {
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
  });
}

runScript('screenshots-claims.ts', () => shootAtBothWidths('claims', shootClaimScreens, { env: { HEARTH_RECORD_NUMBER_SYSTEM: 'https://fhir.nhs.uk/Id/nhs-number' } }));
