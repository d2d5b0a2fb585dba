import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { DEMO } from './support/app';
import { DESKTOP, PHONE } from './support/browser';
import { useHearth } from './support/hearth';

/**
 * Modals moved onto layout/FormModal and layout/ConfirmModal (issue 12, step 7): each starts from a
 * clean draft every time it opens — no text or error left from the last time — and reads the same
 * at 1280 and 375 px, axe clean.
 */
const SHOTS = 'screenshots/modals';
const hearth = useHearth({ shots: SHOTS });

/** The open dialog at 1280 px and at 375 px, axe clean at both. */
async function shootBoth(page: Page, name: string): Promise<void> {
  for (const [label, viewport] of [
    ['1280', DESKTOP],
    ['375', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    expect(await checkA11y(page), `${name} at ${label} px`).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png` });
  }
  await page.setViewportSize(DESKTOP);
}

const alertIn = (dialog: Locator) => dialog.getByRole('alert');

describe('modals on FormModal and ConfirmModal', () => {
  it('stopping a watched phrase asks first, with "Keep it" focused, and stops it on confirming', async () => {
    const { page } = await hearth.signedIn(DEMO.admin);
    await page.goto(`${hearth.baseUrl}/admin/watched-phrases`);
    await page.getByRole('heading', { level: 1, name: 'Watched phrases' }).waitFor();
    await page.getByLabel(/^Phrase/).fill('quiet storm');
    await page.getByRole('button', { name: 'Add phrase' }).click();
    await page.getByRole('status').getByText('“quiet storm” is now watched.').waitFor();

    const card = page.getByRole('listitem').filter({ hasText: 'quiet storm' });
    await card.getByRole('button', { name: 'Stop watching' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop watching this phrase?' });
    await dialog.getByText('“quiet storm” will no longer be').waitFor();
    // A confirmation: the way back is focused, so Enter or a stray tap never removes it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
    await shootBoth(page, 'stop-watching');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await card.count()).toBe(1);

    await card.getByRole('button', { name: 'Stop watching' }).click();
    await dialog.getByRole('button', { name: 'Stop watching' }).click();
    await page.getByRole('status').getByText('“quiet storm” is no longer watched.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await card.count()).toBe(0);
  });

  it("a member's contact details start again from the saved ones each time the modal opens, without the last error", async () => {
    const { page } = await hearth.signedIn(DEMO.participant);
    await page.goto(`${hearth.baseUrl}/account`);
    const edit = page.getByRole('button', { name: 'Edit contact details' });
    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit contact details' });
    const mobile = dialog.getByLabel('Mobile', { exact: true });
    const saved = await mobile.inputValue();

    // A number the service refuses: the server's message under the field and in the alert region.
    await mobile.fill('not a phone number');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await alertIn(dialog).first().waitFor();
    await shootBoth(page, 'contact-details-error');

    // Cancelled and opened again: the saved number, no error.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await edit.click();
    await dialog.waitFor();
    expect(await mobile.inputValue()).toBe(saved);
    expect(await alertIn(dialog).count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('dismissing an isolation flag needs a reason; the reason and its error are gone when the modal opens again', async () => {
    const { page } = await hearth.signedIn(DEMO.clinician);
    const card = page.getByRole('region', { name: 'Members who may be drifting away' }).getByRole('article', { name: 'Cedar: Reach out' });
    await card.getByRole('button', { name: 'Dismiss…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss Cedar' });
    await dialog.getByRole('button', { name: 'Dismiss' }).click();
    await dialog.getByText('Give a reason of at least 3 characters.').waitFor();
    await dialog.getByLabel('Reason').fill('ok');
    await shootBoth(page, 'isolation-dismiss');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByRole('button', { name: 'Dismiss…' }).click();
    await dialog.waitFor();
    expect(await dialog.getByLabel('Reason').inputValue()).toBe('');
    expect(await dialog.getByText('Give a reason of at least 3 characters.').count()).toBe(0);
    // "I reached out" opens the same modal as a note, not a reason.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByRole('button', { name: 'I reached out' }).click();
    const reached = page.getByRole('dialog', { name: 'Record reaching out to Cedar' });
    await reached.getByLabel('Note').waitFor();
    expect(await reached.getByLabel('Note').inputValue()).toBe('');
  });
});
