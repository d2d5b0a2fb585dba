/**
 * The lists moved onto `layout/ResponsiveTable` and the modals moved onto `layout/FormModal` (issue 12
 * step 7), at 1280 px and 375 px, with axe on each: to compare a screen before and after it moved.
 *
 *   SKIP_BUILD=1 SCREENSHOT_DIR=/tmp/lists-before npx tsx scripts/screenshots-lists.ts
 *
 * Exits 1 when axe finds a problem or a page scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { DEMO } from '../e2e/support/app';
import { fillRobinAshReferral, screenAndOfferOutOfOrder } from '../e2e/support/referrals';
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';

/** Refer, offer (out of order), move and cancel a session: each dialog open, filled or refused. */
async function shootClinicianModals(page: Page, w: number, shoot: Shoot): Promise<void> {
  const dialog = await fillRobinAshReferral(page, `robin.ash.${w}@example.org`);
  await shoot(page, 'modal-refer');
  await dialog.getByRole('button', { name: 'Send referral' }).click();
  await page.getByRole('status').waitFor();
  await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
  await page.getByRole('tab', { name: 'Waitlist & referrals' }).click();
  await screenAndOfferOutOfOrder(page, 'Evenings suit Robin; the first on the list asked to wait.', (step) => shoot(page, `modal-${step}`));
  await page.getByRole('button', { name: 'Record answer from Robin Ash' }).click();
  await dialog.getByRole('button', { name: 'Record answer' }).click();
  await shoot(page, 'modal-answer-empty');
  await dialog.getByLabel('Yes, they accepted').check();
  await dialog.getByLabel('Name in the group').fill('Rowan');
  await dialog.getByRole('button', { name: 'Record answer' }).click();
  await dialog.getByText('is enrolled').first().waitFor();
  await shoot(page, 'modal-answer-result');
  await page.keyboard.press('Escape');
  await page.getByRole('status').getByText('Robin Ash is enrolled').waitFor();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  const sessionButton = (name: RegExp) => page.getByRole('button', { name }).filter({ visible: true }).first();
  await sessionButton(/^Move session/).click();
  await shoot(page, 'modal-session-move');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await sessionButton(/^Cancel session/).click();
  await dialog.getByRole('button', { name: 'Cancel session' }).click();
  await shoot(page, 'modal-session-cancel-empty');
  await dialog.getByRole('button', { name: 'Keep the session' }).click();
}

export async function shootListScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  const w = viewport.width;
  await signedIn(base, viewport, DEMO.admin, async (page) => {
    await page.goto(`${base}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await shoot(page, 'audit');
    await page.goto(`${base}/admin/programmes`);
    await page.locator('#main-content h1').first().waitFor();
    await shoot(page, 'programmes');
    await page.goto(`${base}/admin/users`);
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Create invitation' }).click();
    await shoot(page, 'modal-invite-empty');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Actions for Jonah Reyes' }).filter({ visible: true }).first().click();
    await page.getByRole('menuitem', { name: 'Erase personal data…' }).click();
    await page.getByText('Nothing has changed yet.').waitFor();
    await shoot(page, 'erasure-dry-run');
  });

  await signedIn(base, viewport, DEMO.clinician, async (page) => {
    await page.getByRole('heading', { name: 'My referrals' }).waitFor();
    await shoot(page, 'my-referrals');
    await shootClinicianModals(page, w, shoot);
    await page.goto(`${base}/`);
    await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await shoot(page, 'sessions-panel');
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByRole('link', { name: 'Record of Harbour' }).filter({ visible: true }).click();
    await page.getByRole('heading', { name: 'Attendance' }).waitFor();
    await page.getByRole('heading', { name: 'Attendance' }).scrollIntoViewIfNeeded();
    await shoot(page, 'record-attendance');
  });
}

runScript('screenshots-lists.ts', () => shootAtBothWidths('', shootListScreens, { dir: 'lists' }), { strict: true });
