import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { DEMO } from './support/app';
import { useHearth } from './support/hearth';

const hearth = useHearth();

describe('inviting a participant', () => {
  it('admin invites, the person sets a password from the link, signs in and sees their home', async () => {
    const base = hearth.baseUrl;
    const admin = await hearth.signedIn(DEMO.admin);
    await admin.page.getByRole('link', { name: 'People', exact: true }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

    await admin.page.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = admin.page.getByRole('dialog');
    await dialog.getByLabel('Full name').fill('Sky Morgan');
    await dialog.getByLabel('E-mail').fill('sky.morgan@example.org');
    expect(await dialog.getByLabel('Role').inputValue()).toBe('participant');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const link = dialog.getByTestId('invite-url');
    await link.waitFor();
    const inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/invite#token=/);
    expect(await dialog.innerText()).toContain('works once');
    expect(await checkA11y(admin.page)).toEqual([]);

    // The same e-mail cannot be invited twice.
    await dialog.getByRole('button', { name: 'Done' }).click();
    await admin.page.getByRole('button', { name: 'Invite someone' }).click();
    await dialog.getByLabel('Full name').fill('Sky Again');
    await dialog.getByLabel('E-mail').fill('sky.morgan@example.org');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    await dialog
      .getByText(/already/i)
      .first()
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The invited person opens the link in their own browser.
    const invitee = await hearth.browser();
    const { page } = invitee;
    await page.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, base));
    await page.getByRole('heading', { name: 'Welcome, Sky Morgan' }).waitFor();
    expect(page.url()).not.toContain('token=');
    expect(await checkA11y(page)).toEqual([]);

    await page.getByLabel('New password').fill('password');
    await page.getByLabel('Type the password again').fill('password');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('This password is too common', { exact: false }).waitFor();
    expect(await page.getByRole('heading', { name: 'Welcome, Sky Morgan' }).isVisible()).toBe(true);

    const password = 'lanterns over the harbour at dusk';
    await page.getByLabel('New password').fill(password);
    await page.getByLabel('Type the password again').fill(password);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('heading', { name: 'Your password is set' }).waitFor();

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByLabel('E-mail').inputValue()).toBe('sky.morgan@example.org');
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { level: 1, name: 'Hello, Sky Morgan' }).waitFor();
    await page.getByText('You are not in a group yet').waitFor();

    // The administrator now sees the account as active.
    await admin.page.reload();
    const row = admin.page.locator('tr', { hasText: 'sky.morgan@example.org' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/active/i);
  });
});
