/**
 * Risk screens: the composer's notice when a member's words say someone is in danger from them
 * (emergency and safeguarding numbers first), and the journal's support card after a risky entry.
 *   npx tsx scripts/screenshots-risk.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/risk-*.png at 1280 and 375 px)
 */
import { DEMO } from '../e2e/support/app';
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';

export async function shootRiskScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  await signedIn(base, viewport, DEMO.participant, async (page) => {
    await page.goto(`${base}/journal`);
    await page.getByLabel('Your reflection').fill('he said he will kill me when he gets home tonight and I am scared');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByTestId('journal-support').waitFor();
    await shoot(page, 'journal-support');
    const groups = (await (await page.request.get(`${base}/api/groups`)).json()) as { groups: { id: string }[] };
    await page.goto(`${base}/groups/${groups.groups[0]?.id ?? ''}/space/chat`);
    await page.getByRole('heading', { level: 2, name: 'Group chat' }).waitFor();
    await page.getByLabel('Message the group').fill("he's at the door with a knife and says he'll kill me");
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('risk-notice').waitFor();
    await shoot(page, 'danger-notice');
  });
}

runScript('screenshots-risk.ts', () => shootAtBothWidths('risk', shootRiskScreens));
