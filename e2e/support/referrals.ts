import type { Locator, Page } from 'playwright-core';

/**
 * From a clinician's home, opens "Refer someone" and fills in Robin Ash (not sent yet). Returns
 * the dialog. The screenshot scripts refer the same person, each width under its own `email`.
 */
export async function fillRobinAshReferral(page: Page, email: string, reason = 'Low mood and isolation after moving; would value peer support.'): Promise<Locator> {
  await page.getByRole('button', { name: 'Refer someone' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel("Person's full name").fill('Robin Ash');
  await dialog.getByLabel('Their e-mail').fill(email);
  await dialog.getByLabel('Reason for referral').fill(reason);
  return dialog;
}

/**
 * On the demo group's "Waitlist & referrals" tab, with Robin Ash referred: the intake (suitable,
 * onto the waitlist), then a place offered ahead of the waitlist for `reason`. `shoot` is called
 * on the filled intake form and on the out-of-order warning; the offer is sent last.
 */
export async function screenAndOfferOutOfOrder(page: Page, reason: string, shoot: (step: 'intake' | 'offer-out-of-order') => Promise<void>): Promise<void> {
  const dialog = page.getByRole('dialog');
  await page.getByRole('button', { name: 'Intake for Robin Ash' }).click();
  await dialog.getByLabel('Yes, add to the waitlist').check();
  await dialog.getByLabel('Screening notes').fill('Suitable; no current risk indicators.');
  await shoot('intake');
  await dialog.getByRole('button', { name: 'Save intake' }).click();
  await page.getByRole('button', { name: 'Offer a place to Robin Ash' }).click();
  await dialog.getByRole('button', { name: 'Offer the place' }).click();
  await dialog.getByText('Someone is ahead on the waitlist').waitFor();
  await shoot('offer-out-of-order');
  await dialog.getByLabel('Reason for offering out of order').fill(reason);
  await dialog.getByRole('button', { name: 'Offer the place' }).click();
}
