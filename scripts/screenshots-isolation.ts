/**
 * The isolation early warning's screens: the facilitator home with its flags, the group overview's
 * panel, and the "Dismiss…" dialog. Needs a fresh demo server (the early-warning job runs when it
 * starts). Standalone:
 *   npx tsx scripts/screenshots-isolation.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/isolation-*.png at 1280 and 375 px)
 */
import type { Page } from 'playwright-core';
import { shootAtBothWidths } from '../e2e/support/shots';
import { apiSession } from '../e2e/support/api';
import { DEMO, signIn } from '../e2e/support/app';
import { openBrowser } from '../e2e/support/browser';

type Shoot = (page: Page, name: string) => Promise<void>;

export async function shootIsolationScreens(base: string, viewport: { width: number; height: number }, shoot: Shoot): Promise<void> {
  const ada = await apiSession(base, DEMO.clinician);
  const mine = await ada.get<{ flags: { groupId: string; pseudonym: string }[] }>('/me/isolation-flags');
  console.log(`flags on the home: ${mine.flags.map((f) => f.pseudonym).join(', ') || 'none'}`);
  const groups = await ada.get<{ groups: { id: string }[] }>('/groups');
  const groupId = mine.flags[0]?.groupId ?? groups.groups[0]?.id ?? '';
  const b = await openBrowser(viewport);
  const page = b.page;
  await signIn(page, base, DEMO.clinician);
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
  await b.close();
}

function main(): Promise<void> {
  return shootAtBothWidths('isolation', shootIsolationScreens);
}

if (process.argv[1]?.endsWith('screenshots-isolation.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
