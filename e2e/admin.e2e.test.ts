import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { DEMO, submitSignIn } from './support/app';
import { useHearth } from './support/hearth';

const hearth = useHearth();

describe('administration', () => {
  it('deactivates and reactivates an account after confirming, and issues a new set-password link', async () => {
    const { page } = await hearth.signedIn(DEMO.admin);
    await page.goto(`${hearth.baseUrl}/admin/users`);
    await page.getByLabel('Search by name or e-mail').fill('participant2@');
    const row = page.locator('tr', { hasText: 'participant2@demo.hearth.local' });
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);

    await row.getByRole('button', { name: /^Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('signed out everywhere');
    expect(await checkA11y(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('status').getByText('has been deactivated').waitFor();
    await expect.poll(() => row.innerText()).toMatch(/deactivated/i);

    // A deactivated person cannot sign in.
    const other = await hearth.browser();
    await other.page.goto(`${hearth.baseUrl}/sign-in`);
    await submitSignIn(other.page, 'participant2@demo.hearth.local', 'hearth-demo-2026');
    await other.page.getByRole('alert').waitFor();

    await row.getByRole('button', { name: /^Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Reactivate' }).click();
    await dialog.getByRole('button', { name: 'Reactivate' }).click();
    // "Deactivated" matches /active/ too: wait for the refreshed row to drop it, then check it says active.
    await expect.poll(() => row.innerText()).not.toMatch(/deactivated/i);
    expect(await row.innerText()).toMatch(/active/i);

    await row.getByRole('button', { name: /^Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'New set-password link' }).click();
    await dialog.getByRole('button', { name: 'Create link' }).click();
    expect(await dialog.getByTestId('invite-url').inputValue()).toMatch(/\/invite#token=/);
  });

  it('filters the audit log and exports the same selection as CSV', async () => {
    const outsider = await hearth.browser();
    await outsider.page.goto(`${hearth.baseUrl}/sign-in`);
    await submitSignIn(outsider.page, DEMO.clinician, 'wrong-password');
    await outsider.page.getByRole('alert').waitFor();

    const { page, context } = await hearth.signedIn(DEMO.admin);
    await page.goto(`${hearth.baseUrl}/admin/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    expect(await checkA11y(page)).toEqual([]);

    await page.getByLabel('Outcome').selectOption('failure');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    // Every row of a list with rows: an empty table while the filtered page loads would pass "every".
    const allFailures = async () => {
      const rows = await page.locator('tbody tr').allInnerTexts();
      return rows.length > 0 && rows.every((t) => /failure/i.test(t));
    };
    await expect.poll(allFailures).toBe(true);
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);

    const href = await page.getByRole('link', { name: 'Export as CSV' }).getAttribute('href');
    expect(href).toBe('/api/admin/audit/export.csv?outcome=failure');
    const csv = await context.request.get(`${hearth.baseUrl}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
  });

  it('shows other roles "not found" for admin pages', async () => {
    const b = await hearth.signedIn(DEMO.participant);
    await b.page.goto(`${hearth.baseUrl}/admin/users`);
    await b.page.getByRole('heading', { name: "We couldn't find that page" }).waitFor();
  });
});
