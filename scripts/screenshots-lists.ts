/**
 * The lists moved onto `layout/ResponsiveTable` and the modals moved onto `layout/FormModal` (issue 12
 * step 7), at 1280 px and 375 px, with axe on each: to compare a screen before and after it moved.
 *
 *   SKIP_BUILD=1 SCREENSHOT_DIR=/tmp/lists-before npx tsx scripts/screenshots-lists.ts
 *
 * Exits 1 when axe finds a problem or a page scrolls sideways.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { checkA11y } from '../e2e/support/a11y';
import { DEMO, signIn } from '../e2e/support/app';
import { DESKTOP, PHONE, openBrowser } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';

const outDir = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(repoRoot, 'screenshots', 'lists'));
let failures = 0;

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.mantine-Loader')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = `${name}-${width}.png`;
  await page.screenshot({ path: path.join(outDir, file), fullPage: true });
  const a11y = await checkA11y(page);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  const problems = [...a11y.map((p) => `axe ${p.rule} (${p.impact}): ${p.targets.slice(0, 3).join(', ')}`), sideways ? 'scrolls sideways' : ''].filter(Boolean);
  if (problems.length) failures += 1;
  console.log(`${file}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
}

/** Refer, offer (out of order), move and cancel a session: each dialog open, filled or refused. */
async function shootClinicianModals(page: Page, w: number): Promise<void> {
  const dialog = page.getByRole('dialog');
  await page.getByRole('button', { name: 'Refer someone' }).click();
  await dialog.getByLabel("Person's full name").fill('Robin Ash');
  await dialog.getByLabel('Their e-mail').fill(`robin.ash.${w}@example.org`);
  await dialog.getByLabel('Reason for referral').fill('Low mood and isolation after moving; would value peer support.');
  await shoot(page, 'modal-refer', w);
  await dialog.getByRole('button', { name: 'Send referral' }).click();
  await page.getByRole('status').waitFor();
  await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
  await page.getByRole('tab', { name: 'Waitlist & referrals' }).click();
  await page.getByRole('button', { name: 'Intake for Robin Ash' }).click();
  await dialog.getByLabel('Yes, add to the waitlist').check();
  await dialog.getByLabel('Screening notes').fill('Suitable; no current risk indicators.');
  await shoot(page, 'modal-intake', w);
  await dialog.getByRole('button', { name: 'Save intake' }).click();
  await page.getByRole('button', { name: 'Offer a place to Robin Ash' }).click();
  await dialog.getByRole('button', { name: 'Offer the place' }).click();
  await dialog.getByText('Someone is ahead on the waitlist').waitFor();
  await shoot(page, 'modal-offer-out-of-order', w);
  await dialog.getByLabel('Reason for offering out of order').fill('Evenings suit Robin; the first on the list asked to wait.');
  await dialog.getByRole('button', { name: 'Offer the place' }).click();
  await page.getByRole('button', { name: 'Record answer from Robin Ash' }).click();
  await dialog.getByRole('button', { name: 'Record answer' }).click();
  await shoot(page, 'modal-answer-empty', w);
  await dialog.getByLabel('Yes, they accepted').check();
  await dialog.getByLabel('Name in the group').fill('Rowan');
  await dialog.getByRole('button', { name: 'Record answer' }).click();
  await dialog.getByText('is enrolled').first().waitFor();
  await shoot(page, 'modal-answer-result', w);
  await page.keyboard.press('Escape');
  await page.getByRole('status').getByText('Robin Ash is enrolled').waitFor();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  const sessionButton = (name: RegExp) => page.getByRole('button', { name }).filter({ visible: true }).first();
  await sessionButton(/^Move session/).click();
  await shoot(page, 'modal-session-move', w);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await sessionButton(/^Cancel session/).click();
  await dialog.getByRole('button', { name: 'Cancel session' }).click();
  await shoot(page, 'modal-session-cancel-empty', w);
  await dialog.getByRole('button', { name: 'Keep the session' }).click();
}

async function shootWidth(viewport: { width: number; height: number }): Promise<void> {
  const w = viewport.width;
  const server = await startServer();
  const base = server.baseUrl;
  try {
    let b = await openBrowser(viewport);
    let page = b.page;
    await signIn(page, base, DEMO.admin);
    await page.goto(`${base}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await shoot(page, 'audit', w);
    await page.goto(`${base}/admin/programmes`);
    await page.locator('#main-content h1').first().waitFor();
    await shoot(page, 'programmes', w);
    await page.goto(`${base}/admin/users`);
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Create invitation' }).click();
    await shoot(page, 'modal-invite-empty', w);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Actions for Jonah Reyes' }).filter({ visible: true }).first().click();
    await page.getByRole('menuitem', { name: 'Erase personal data…' }).click();
    await page.getByText('Nothing has changed yet.').waitFor();
    await shoot(page, 'erasure-dry-run', w);
    await b.close();

    b = await openBrowser(viewport);
    page = b.page;
    await signIn(page, base, DEMO.clinician);
    await page.getByRole('heading', { name: 'My referrals' }).waitFor();
    await shoot(page, 'my-referrals', w);
    await shootClinicianModals(page, w);
    await page.goto(`${base}/`);
    await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await shoot(page, 'sessions-panel', w);
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByRole('link', { name: 'Record of Harbour' }).filter({ visible: true }).click();
    await page.getByRole('heading', { name: 'Attendance' }).waitFor();
    await page.getByRole('heading', { name: 'Attendance' }).scrollIntoViewIfNeeded();
    await shoot(page, 'record-attendance', w);
    await b.close();
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  if (!process.env.SKIP_BUILD) {
    const { build } = await import('vite');
    await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  }
  await mkdir(outDir, { recursive: true });
  for (const viewport of [DESKTOP, PHONE]) await shootWidth(viewport);
  console.log(`\nScreenshots in ${outDir}; ${failures} screen(s) with problems.`);
  if (failures) process.exitCode = 1;
}

await main();
