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
import type { Page } from 'playwright-core';
import { loadedStyleSheets, unstyledMantineClasses } from '../e2e/support/styles';
import { DEMO, signIn, submitSignIn } from '../e2e/support/app';
import { shootParticipantHome } from './screenshots';
import { inBrowser, runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';

/** Each Mantine class in the page has its rules loaded; the note lists the style sheets the screen loaded. */
async function stylesLoaded(page: Page): Promise<{ problems: string[]; note: string }> {
  const missing = await unstyledMantineClasses(page);
  const sheets = (await loadedStyleSheets(page)).join(' ');
  return { problems: missing.length ? [`Mantine classes without rules: ${missing.join(' ')}`] : [], note: `[${sheets}]` };
}

export async function shootStyleScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  const w = viewport.width;
  // Signed out.
  await inBrowser(viewport, async (page) => {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('E-mail').waitFor();
    await shoot(page, 'sign-in');
    await submitSignIn(page, DEMO.admin, 'not-the-password');
    await page.getByRole('alert').first().waitFor();
    await shoot(page, 'sign-in-wrong-password');

    // Admin.
    await signIn(page, base, DEMO.admin);
    await shoot(page, 'admin-home');
    await page.goto(`${base}/admin/users`);
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await shoot(page, 'admin-users');
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await page.getByRole('dialog').getByLabel('Full name').waitFor();
    await shoot(page, 'admin-invite-form');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: /Actions for .*Ada/ })
      .filter({ visible: true })
      .first()
      .click();
    await page.getByRole('menu').waitFor();
    await shoot(page, 'admin-user-actions');
    await page.keyboard.press('Escape');
    await page.goto(`${base}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await shoot(page, 'admin-audit');
  });

  // Clinician: home, a group, a session with its note.
  await signedIn(base, viewport, DEMO.clinician, async (page) => {
    await page.getByRole('heading', { name: 'My referrals' }).waitFor();
    await shoot(page, 'clinician-home');
    await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
    await page.getByRole('tab', { name: 'Members' }).waitFor();
    await shoot(page, 'clinician-group');
    await page.getByRole('tab', { name: 'Members' }).click();
    await shoot(page, 'clinician-group-members');
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await page.getByText('Past', { exact: true }).click();
    const row =
      w >= 768 ? page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: '7', exact: true }) }) : page.getByRole('listitem').filter({ hasText: 'Session 7 ·' });
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Session 7:/ }).waitFor();
    await shoot(page, 'clinician-session-note');
  });

  // Participant: home, the group, the group space.
  await signedIn(base, viewport, DEMO.participant, async (page) => {
    await shootParticipantHome(page, shoot);
    const groupPath = new URL(page.url()).pathname;
    await page.goto(`${base}${groupPath}/space/chat`);
    await page.locator('#main-content h1').first().waitFor();
    await shoot(page, 'participant-space');
  });
}

runScript('screenshots-styles.ts', () => shootAtBothWidths('', shootStyleScreens, { dir: 'styles', check: stylesLoaded }), { strict: true });
