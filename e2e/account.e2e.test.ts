import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { DEMO, DEMO_PASSWORD } from './support/app';
import { useHearth } from './support/hearth';

const hearth = useHearth();

describe('account page', () => {
  it('lists sign-in sessions, signs out another device, then this one', async () => {
    const { page: laptop } = await hearth.signedIn(DEMO.participant);
    await hearth.signedIn(DEMO.participant); // a second device
    await laptop.goto(`${hearth.baseUrl}/account`);
    const sessions = laptop.locator('section[aria-labelledby="sessions-heading"] li');
    await sessions.nth(1).waitFor();
    expect(await sessions.count()).toBe(2);
    expect(await sessions.first().innerText()).toMatch(/this device/i);
    expect(await checkA11y(laptop)).toEqual([]);

    await sessions
      .nth(1)
      .getByRole('button', { name: /^Sign out this device/ })
      .click();
    await expect.poll(() => sessions.count()).toBe(1);

    await sessions
      .first()
      .getByRole('button', { name: /^Sign out this device/ })
      .click();
    await laptop.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('changes the password: wrong current password and weak passwords are explained', async () => {
    const { page } = await hearth.signedIn(DEMO.participant);
    await page.goto(`${hearth.baseUrl}/account`);
    const form = page.locator('section[aria-labelledby="password-heading"]');
    await form.waitFor();

    await form.getByLabel('Current password').fill('not-it-at-all');
    await form.getByLabel(/^New password/).fill('a brand new phrase for me');
    await form.getByLabel('Type the new password again').fill('a brand new phrase for me');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form
      .getByText(/not right/i)
      .first()
      .waitFor();

    await form.getByLabel('Current password').fill(DEMO_PASSWORD);
    await form.getByLabel(/^New password/).fill('password');
    await form.getByLabel('Type the new password again').fill('password');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('This password is too common', { exact: false }).waitFor();

    await form.getByLabel(/^New password/).fill('a brand new phrase for me');
    await form.getByLabel('Type the new password again').fill('a brand new phrase for me');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('status').getByText('Your password has been changed').waitFor();
    // Still signed in on this device.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  });
});
