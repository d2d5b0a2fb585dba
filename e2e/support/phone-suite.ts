import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { checkA11y, hasHorizontalScroll } from './a11y';
import { PHONE, openBrowser } from './browser';
import { startServer, type TestServer } from './server';

/** Harbour, a peer of Willow (participant1) in the demo group. */
export const HARBOUR = 'participant2@demo.hearth.local';

/**
 * The set-up a phone-first end-to-end file shares: one server for the file, a separate browser
 * (own cookies) per person at 375 px closed after each test, and screenshots that must pass
 * axe-core and never scroll sideways. Call once at the top of a test file.
 */
export function phoneSuite(shotsDir: string) {
  let server: TestServer | undefined;
  const browsers: Awaited<ReturnType<typeof openBrowser>>[] = [];
  beforeAll(async () => {
    server = await startServer();
    await mkdir(shotsDir, { recursive: true });
  });
  afterEach(async () => {
    await Promise.all(browsers.splice(0).map((b) => b.close()));
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    baseUrl(): string {
      if (!server) throw new Error('the server is not started yet');
      return server.baseUrl;
    },
    /** A separate browser (its own cookies) at 375 px. */
    async phone(): Promise<Page> {
      const b = await openBrowser(PHONE);
      browsers.push(b);
      return b.page;
    },
    async shoot(page: Page, name: string): Promise<void> {
      await page.screenshot({ path: `${shotsDir}/${name}-375.png`, fullPage: true });
      expect(await hasHorizontalScroll(page), `${name} scrolls sideways`).toBe(false);
      expect(await checkA11y(page), name).toEqual([]);
    },
  };
}
