import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, headerSignOut, signIn } from './support/app';
import { DESKTOP, PHONE } from './support/browser';
import { useHearth } from './support/hearth';

/**
 * A page that fails to render shows "Something went wrong on this page" with a reload button and a
 * way home, inside the app's frame, and never a blank screen; a failure of the frame itself is
 * caught at the root. The render errors are real ones: the browser is given an answer of an
 * unexpected shape (as a half-deployed server might send), so the production bundle carries no
 * test-only code.
 */
const SHOTS = 'screenshots/error-boundary';
const hearth = useHearth({ shots: SHOTS });

/** The console's error messages, as they arrive. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

const fallback = (page: Page) => page.getByRole('heading', { level: 1, name: 'Something went wrong on this page' });

describe('the error boundary', () => {
  for (const [label, viewport] of [
    ['1280', DESKTOP],
    ['375', PHONE],
  ] as const) {
    it(`a page that fails to render shows a calm page inside the app's frame, reports to the console, and recovers by reloading or leaving (${label} px)`, async () => {
      const { page } = await hearth.browser(viewport);
      const errors = consoleErrors(page);
      await signIn(page, hearth.baseUrl, DEMO.clinician);
      // The library answers without its list: LibraryPage throws while rendering.
      await page.route('**/api/library*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"entries":null}' }));
      await page.goto(`${hearth.baseUrl}/library`);
      await fallback(page).waitFor();
      const alert = page.getByTestId('render-error');
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.innerText()).toContain('Reloading usually puts it right');
      // A member in crisis meets a broken page too: where to get help is said whatever failed.
      expect(await alert.innerText()).toContain('If you need help right now, call your crisis line or your local emergency number.');
      // The frame stays: the header, sign-out and navigation still work.
      expect(await headerSignOut(page).isVisible()).toBe(true);
      expect(await page.getByRole('main').getByTestId('render-error').count()).toBe(1);
      expect(await page.title()).toBe('Something went wrong · Hearth');
      expect(errors.some((e) => e.includes('Hearth: this page failed to render.'))).toBe(true);
      await hearth.shoot(page, `page-${label}`);

      // "Reload the page" loads it again: with a sound answer, the library shows.
      await page.unroute('**/api/library*');
      await page.getByRole('button', { name: 'Reload the page' }).click();
      await page.getByRole('heading', { level: 1, name: 'Coping library' }).waitFor();
      expect(await fallback(page).count()).toBe(0);

      // Broken again, then left through the navigation: the next page starts afresh, no reload.
      await page.route('**/api/library*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"entries":null}' }));
      await page.goto(`${hearth.baseUrl}/library`);
      await fallback(page).waitFor();
      if (viewport === PHONE) await page.getByRole('button', { name: 'Open menu' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      expect(await fallback(page).count()).toBe(0);
    });
  }

  it('a failure of the app frame itself is caught at the root: the same page over the whole screen, and "Go to your home page" starts again', async () => {
    const { page } = await hearth.browser(DESKTOP);
    const errors = consoleErrors(page);
    await signIn(page, hearth.baseUrl, DEMO.clinician);
    // The service's name arrives as an object: the app frame's header, which shows the name, throws.
    await page.route('**/api/me', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { service: Record<string, unknown> };
      body.service.name = { text: 'Hearth' };
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${hearth.baseUrl}/library`);
    await fallback(page).waitFor();
    expect(await headerSignOut(page).count()).toBe(0);
    expect(await page.getByRole('main').getByTestId('render-error').count()).toBe(1);
    expect(errors.some((e) => e.includes('Hearth: the app failed to render.'))).toBe(true);
    await hearth.shoot(page, 'app-1280');
    await page.setViewportSize(PHONE);
    await hearth.shoot(page, 'app-375');

    await page.unroute('**/api/me');
    await page.getByRole('link', { name: 'Go to your home page' }).click();
    await headerSignOut(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await fallback(page).count()).toBe(0);
  });
});
