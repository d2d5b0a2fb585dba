/**
 * The isolation early warning's screens: the facilitator home with its flags, the group overview's
 * panel, and the "Dismiss…" dialog. Needs a fresh demo server (the early-warning job runs when it
 * starts). Standalone:
 *   npx tsx scripts/screenshots-isolation.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/isolation-*.png at 1280 and 375 px)
 */
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';
import { apiSession } from '../e2e/support/api';
import { DEMO } from '../e2e/support/app';

export async function shootIsolationScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  const ada = await apiSession(base, DEMO.clinician);
  const mine = await ada.get<{ flags: { groupId: string; pseudonym: string }[] }>('/me/isolation-flags');
  console.log(`flags on the home: ${mine.flags.map((f) => f.pseudonym).join(', ') || 'none'}`);
  const groups = await ada.get<{ groups: { id: string }[] }>('/groups');
  const groupId = mine.flags[0]?.groupId ?? groups.groups[0]?.id ?? '';
  await signedIn(base, viewport, DEMO.clinician, async (page) => {
    await page.getByRole('heading', { name: 'Members who may be drifting away' }).waitFor();
    await page.getByRole('heading', { name: 'Members who may be drifting away' }).scrollIntoViewIfNeeded();
    await shoot(page, 'home');
    await page.goto(`${base}/groups/${groupId}`);
    await page.getByRole('heading', { name: 'Members who may be drifting away' }).waitFor();
    await shoot(page, 'group-overview');
    const dismiss = page.getByRole('button', { name: 'Dismiss…' }).first();
    if (await dismiss.count()) {
      await dismiss.click();
      await page.getByRole('dialog').getByRole('button', { name: 'Dismiss', exact: true }).click();
      await page.getByRole('dialog').getByText('Give a reason of at least 3 characters.').waitFor();
      await shoot(page, 'dismiss-dialog');
    }
  });
}

runScript('screenshots-isolation.ts', () => shootAtBothWidths('isolation', shootIsolationScreens));
