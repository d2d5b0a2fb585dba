/**
 * Data rights (issue 15 item 3): the participant's "Your data" page, the downloaded readable copy,
 * and the administrator's erasure page before (dry run) and after. Standalone:
 *   npx tsx scripts/screenshots-data-rights.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/data-rights-*.png at 1280 and 375 px)
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { runScript, type Shoot, shootAtBothWidths, shotsFolder, signedIn } from '../e2e/support/shots';
import { DEMO } from '../e2e/support/app';
import { DESKTOP, PHONE, type Viewport } from '../e2e/support/browser';

/** The member erased at each width: participant2 at 1280, participant3 at 375. */
const ERASED: Record<number, string> = { [DESKTOP.width]: 'Jonah Reyes', [PHONE.width]: 'Priya Nair' };

export async function shootDataRightsScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  const name = ERASED[viewport.width] ?? 'Jonah Reyes';
  await signedIn(base, viewport, DEMO.participant, async (page) => {
    await page.goto(`${base}/account/data`);
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    await shoot(page, 'my-data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-summary').click()]);
    // Opened as the person would open the saved file (a .html file, so Chromium renders it as a page).
    const saved = path.join(shotsFolder(), `data-rights-summary-${viewport.width}.html`);
    await copyFile((await download.path())!, saved);
    await page.goto(`file://${saved}`);
    await shoot(page, 'summary');
  });

  await signedIn(base, viewport, DEMO.admin, async (page) => {
    await page.goto(`${base}/admin/users`);
    await page
      .getByRole('button', { name: `Actions for ${name}` })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'Erase personal data…' }).click();
    await page.getByText('Nothing has changed yet.').waitFor();
    await page.getByLabel('Reason').fill('Letter of 3 December, ref 42');
    await page.getByLabel(/I have checked this is/).check();
    await shoot(page, 'erasure-preview');
    await page.getByRole('button', { name: `Erase ${name}’s data` }).click();
    await page.getByRole('heading', { name: 'Erasure carried out' }).waitFor();
    await shoot(page, 'erasure-done');
  });
}

runScript('screenshots-data-rights.ts', () => shootAtBothWidths('data-rights', shootDataRightsScreens));
