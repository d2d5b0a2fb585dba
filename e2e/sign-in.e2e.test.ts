import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, hasHorizontalScroll } from './support/a11y';
import { DEMO, headerSignOut, signIn, submitSignIn } from './support/app';
import { PHONE, openBrowser, type TestBrowser } from './support/browser';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let browser: TestBrowser | undefined;

beforeAll(async () => {
  server = await startServer();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(async () => {
  await server?.stop();
});

describe('sign-in', () => {
  it('says plainly when the password is wrong, and keeps the person on the form', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${server.baseUrl}/sign-in`);
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
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, server.baseUrl, DEMO.participant);

    await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { name: 'Your facilitators' }).first().waitFor();
    await page.locator('main li').first().waitFor();
    expect(await page.locator('main li').count()).toBeGreaterThan(0);
    expect(await checkA11y(page)).toEqual([]);
  });

  it('returns to the page asked for after signing in', async () => {
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${server.baseUrl}/account`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await submitSignIn(page, DEMO.participant, 'hearth-demo-2026');

    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
  });

  it('sends the person back to sign-in when the session is gone (global 401 handler)', async () => {
    browser = await openBrowser();
    const { page, context } = browser;
    await signIn(page, server.baseUrl, DEMO.participant);
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
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, server.baseUrl, DEMO.participant);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('fits a 375 px phone without sideways scrolling, with the menu behind a button', async () => {
    browser = await openBrowser(PHONE);
    const { page } = browser;
    await signIn(page, server.baseUrl, DEMO.clinician);
    expect(await hasHorizontalScroll(page)).toBe(false);

    const menu = page.getByRole('button', { name: 'Open menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});
