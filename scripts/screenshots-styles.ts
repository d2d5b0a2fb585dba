/**
 * The main screens at 1280 px and 375 px, for comparing how the app looks before and after a change
 * to how its styles load (issue 16 item 5: Mantine's styles per component, the sign-in page's apart).
 * On every screen it also checks that each Mantine class in the page has its rules loaded (a
 * component whose style sheet is missing from src/web/styles would show unstyled) and runs axe.
 *
 *   npx tsx scripts/screenshots-styles.ts            # builds dist/web first
 *   SKIP_BUILD=1 SCREENSHOT_DIR=/tmp/after npx tsx scripts/screenshots-styles.ts
 *
 * Exits 1 when a Mantine class has no rules or axe finds a problem.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { checkA11y } from '../e2e/support/a11y';
import { loadedStyleSheets, unstyledMantineClasses } from '../e2e/support/styles';
import { DEMO, signIn, submitSignIn } from '../e2e/support/app';
import { DESKTOP, PHONE, openBrowser } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';

const outDir = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(repoRoot, 'screenshots', 'styles'));
let failures = 0;

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.mantine-Loader')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  const overlays = await page.locator('[role="menu"], [role="dialog"]').filter({ visible: true }).count();
  if (overlays === 0) await page.evaluate(() => window.scrollTo(0, 0));
  const file = `${name}-${width}.png`;
  await page.screenshot({ path: path.join(outDir, file), fullPage: true });
  const missing = await unstyledMantineClasses(page);
  const a11y = await checkA11y(page);
  const sheets = (await loadedStyleSheets(page)).join(' ');
  const problems = [
    missing.length ? `Mantine classes without rules: ${missing.join(' ')}` : '',
    ...a11y.map((p) => `axe ${p.rule} (${p.impact}): ${p.targets.slice(0, 3).join(', ')}`),
  ].filter(Boolean);
  if (problems.length) failures += 1;
  console.log(`${file}  [${sheets}]${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
}

async function shootWidth(viewport: { width: number; height: number }): Promise<void> {
  const w = viewport.width;
  const server = await startServer();
  const base = server.baseUrl;
  try {
    // Signed out.
    let b = await openBrowser(viewport);
    let page = b.page;
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('E-mail').waitFor();
    await shoot(page, 'sign-in', w);
    await submitSignIn(page, DEMO.admin, 'not-the-password');
    await page.getByRole('alert').first().waitFor();
    await shoot(page, 'sign-in-wrong-password', w);

    // Admin.
    await signIn(page, base, DEMO.admin);
    await shoot(page, 'admin-home', w);
    await page.goto(`${base}/admin/users`);
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await shoot(page, 'admin-users', w);
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await page.getByRole('dialog').getByLabel('Full name').waitFor();
    await shoot(page, 'admin-invite-form', w);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: /Actions for .*Ada/ })
      .filter({ visible: true })
      .first()
      .click();
    await page.getByRole('menu').waitFor();
    await shoot(page, 'admin-user-actions', w);
    await page.keyboard.press('Escape');
    await page.goto(`${base}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await shoot(page, 'admin-audit', w);
    await b.close();

    // Clinician: home, a group, a session with its note.
    b = await openBrowser(viewport);
    page = b.page;
    await signIn(page, base, DEMO.clinician);
    await page.getByRole('heading', { name: 'My referrals' }).waitFor();
    await shoot(page, 'clinician-home', w);
    await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
    await page.getByRole('tab', { name: 'Members' }).waitFor();
    await shoot(page, 'clinician-group', w);
    await page.getByRole('tab', { name: 'Members' }).click();
    await shoot(page, 'clinician-group-members', w);
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await page.getByText('Past', { exact: true }).click();
    const row =
      w >= 768 ? page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: '7', exact: true }) }) : page.getByRole('listitem').filter({ hasText: 'Session 7 ·' });
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Session 7:/ }).waitFor();
    await shoot(page, 'clinician-session-note', w);
    await b.close();

    // Participant: home, the group, the group space.
    b = await openBrowser(viewport);
    page = b.page;
    await signIn(page, base, DEMO.participant);
    await page.getByRole('heading', { name: 'Your next sessions' }).waitFor();
    await shoot(page, 'participant-home', w);
    await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
    await page.getByRole('heading', { name: 'Facilitators' }).waitFor();
    await shoot(page, 'participant-group', w);
    const groupPath = new URL(page.url()).pathname;
    await page.goto(`${base}${groupPath}/space/chat`);
    await page.locator('#main-content h1').first().waitFor();
    await shoot(page, 'participant-space', w);
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
