import type { Page } from 'playwright-core';

/** The group agreement of the programme the e2e test and the screenshot script make on screen. */
export const WINTER_AGREEMENT = 'We keep what others share inside the group, arrive on time, and speak for ourselves rather than for others.';

/**
 * Fills the new-programme form with "Connecting in winter": its description, two sessions (the
 * form must already show a Session 1) and the agreement. Does not send it.
 */
export async function fillWinterProgramme(page: Page): Promise<void> {
  await page.getByLabel('Programme name').fill('Connecting in winter');
  await page.getByLabel('Description').fill('Two sessions on reaching out when the days are short.');
  await page.getByLabel('Session 1 topic').fill('Noticing isolation');
  await page.getByLabel('Session 1 skill focus').fill('Self-monitoring');
  await page.getByLabel('Session 1 exercises').fill('Map your week\nOne small contact');
  await page.getByRole('button', { name: 'Add a session' }).click();
  await page.getByLabel('Session 2 topic').fill('Reaching out');
  await page.getByLabel('Session 2 skill focus').fill('Making a request');
  await page.getByLabel('Session 2 exercises').fill('Role-play an invitation');
  await page.getByLabel('Session 2 reflection prompts').fill('Who could you call this week?');
  await page.getByLabel('Agreement text').fill(WINTER_AGREEMENT);
}
