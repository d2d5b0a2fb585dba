/**
 * The journal-alert setting where people meet it: the admin's "Private journal" setting, the group
 * agreement's "Safety between sessions" section after the setting changed, and the journal's line.
 *   npx tsx scripts/screenshots-agreement.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/agreement-*.png at 1280 and 375 px)
 */
import { DEMO } from '../e2e/support/app';
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';

export async function shootAgreementScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  await signedIn(base, viewport, DEMO.admin, async (page) => {
    await page.goto(`${base}/admin/settings`);
    const select = page.getByLabel('Alert the care team about risk in the private journal');
    await select.selectOption('true');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('members are asked to read and accept it again').waitFor();
    await page.getByRole('heading', { name: 'Private journal' }).scrollIntoViewIfNeeded();
    await shoot(page, 'settings');
  });
  await signedIn(base, viewport, DEMO.participant, async (page) => {
    const mine = (await (await page.request.get(`${base}/api/me/enrolments`)).json()) as { enrolments: { id: string }[] };
    await page.goto(`${base}/agreement/${mine.enrolments[0]?.id ?? ''}`);
    await page.getByRole('heading', { name: 'Safety between sessions' }).waitFor();
    await shoot(page, 'agreement');
    await page.goto(`${base}/journal`);
    await page.getByTestId('journal-alert-statement').waitFor();
    await shoot(page, 'journal');
  });
}

runScript('screenshots-agreement.ts', () => shootAtBothWidths('agreement', shootAgreementScreens));
