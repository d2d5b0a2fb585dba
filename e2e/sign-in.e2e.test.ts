import { describe, expect, it } from 'vitest';
import { checkA11y, hasHorizontalScroll } from './support/a11y';
import { DEMO, headerSignOut, submitSignIn } from './support/app';
import { PHONE } from './support/browser';
import { useHearth } from './support/hearth';

const hearth = useHearth();

describe('sign-in', () => {
  it('says plainly when the password is wrong, and keeps the person on the form', async () => {
    const { page } = await hearth.browser();
    await page.goto(`${hearth.baseUrl}/sign-in`);
    expect(await checkA11y(page)).toEqual([]);

    await submitSignIn(page, DEMO.participant, 'not-my-password');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('The e-mail address or password is not right.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByLabel(/^Password/).inputValue()).toBe('');
    expect(await page.getByLabel('E-mail').inputValue()).toBe(DEMO.participant);
    expect(await checkA11y(page)).toEqual([]);
  });

  it('signs a participant in to their home, which shows their real group and facilitators', async () => {
    const { page } = await hearth.signedIn(DEMO.participant);

    await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { name: 'Your facilitators' }).first().waitFor();
    await page.locator('main li').first().waitFor();
    expect(await page.locator('main li').count()).toBeGreaterThan(0);
    expect(await checkA11y(page)).toEqual([]);
  });

  it('returns to the page asked for after signing in', async () => {
    const { page } = await hearth.browser();
    await page.goto(`${hearth.baseUrl}/account`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await submitSignIn(page, DEMO.participant, 'hearth-demo-2026');

    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
  });

  it('sends the person back to sign-in when the session is gone (global 401 handler)', async () => {
    const { page, context } = await hearth.signedIn(DEMO.participant);
    // Let the home page finish loading, so the first request without a session is ours.
    await page.getByRole('heading', { name: 'Your facilitators' }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await context.clearCookies();

    // A client-side navigation whose request is now answered 401.
    await page.getByRole('link', { name: 'Your account' }).click();

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await headerSignOut(page).count()).toBe(0);
  });

  it('starts every page with a "Skip to content" link that moves focus to the page', async () => {
    const { page } = await hearth.signedIn(DEMO.participant);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('fits a 375 px phone without sideways scrolling, with the menu behind a button', async () => {
    const { page } = await hearth.signedIn(DEMO.clinician, { viewport: PHONE });
    expect(await hasHorizontalScroll(page)).toBe(false);

    const menu = page.getByRole('button', { name: 'Open menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});
