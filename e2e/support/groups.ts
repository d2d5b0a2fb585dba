import type { Page } from 'playwright-core';

/** The demo service's one group. */
export const DEMO_GROUP = 'Tuesday evening group';

/** From a clinician's home, opens the demo group and (optionally) one of its tabs. */
export async function openDemoGroup(page: Page, tab?: string): Promise<void> {
  await page.locator('#main-content').getByRole('link', { name: DEMO_GROUP }).first().click();
  await page.getByRole('heading', { level: 1, name: DEMO_GROUP }).waitFor();
  if (tab) {
    await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('tabpanel', { name: tab }).waitFor();
  }
}

/** Opens the group's past sessions and the session with the given number. */
export async function openPastSession(page: Page, number: number): Promise<void> {
  await openDemoGroup(page, 'Sessions');
  await page.getByText('Past', { exact: true }).click();
  const row = page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: String(number), exact: true }) });
  await row.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^Session ${number}:`) }).waitFor();
}
