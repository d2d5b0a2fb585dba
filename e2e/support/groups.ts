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

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** The date (YYYY-MM-DD) of the first Thursday at least a week from today, for schedules that start in the future. */
export function thursdayNextWeek(): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  while (day.getUTCDay() !== 4) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Fills the schedule fields (the new-group form's or the Schedule tab's): one weekday, a set number of sessions. */
export async function fillWeeklySchedule(page: Page, s: { day: (typeof WEEKDAY_NAMES)[number]; date: string; time: string; sessions: number; minutes: number }): Promise<void> {
  for (const name of WEEKDAY_NAMES) await page.getByRole('checkbox', { name, exact: true }).setChecked(name === s.day);
  await page.getByLabel('Every week').check();
  await page.getByLabel('A set number').check();
  await page.getByLabel('Number of sessions').fill(String(s.sessions));
  await page.getByLabel('First session').fill(s.date);
  await page.getByLabel('Start time').fill(s.time);
  await page.getByLabel('Length in minutes').fill(String(s.minutes));
}
