import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { checkA11y, hasHorizontalScroll } from './a11y';
import { signIn } from './app';
import { DESKTOP, openBrowser, type TestBrowser, type Viewport } from './browser';
import { startServer, type TestServer } from './server';

export interface HearthOptions {
  /**
   * The server's extra environment. A function is called when the server starts, after any
   * beforeAll registered before useHearth (one that starts a fake gateway, say).
   */
  env?: Record<string, string> | (() => Record<string, string>);
  /** The folder this file's screenshots go to (from the repository root), made before the server starts. */
  shots?: string;
}

/** One Hearth server for a test file (or describe block) and the browsers its tests open on it. */
export interface Hearth {
  /** The server's address. Read it inside hooks and tests: it throws until beforeAll has started the server. */
  readonly baseUrl: string;
  /** A fresh browser (its own profile and cookies) at `viewport`, closed after the test whether it passed or not. */
  browser(viewport?: Viewport): Promise<TestBrowser>;
  /** browser() signed in as `email` (see signIn in ./app: `keepOffer` leaves staff on the MFA offer). */
  signedIn(email: string, options?: { viewport?: Viewport; keepOffer?: boolean }): Promise<TestBrowser>;
  /**
   * Saves a screenshot to `<shots>/<file>.png` (`file` defaults to `name`; a full page unless told),
   * then expects the page not to scroll sideways and to be axe clean, each failure labelled `name`.
   */
  shoot(page: Page, name: string, options?: { file?: string; fullPage?: boolean }): Promise<void>;
}

/**
 * The end-to-end tests' one life cycle. Call once at the top of a test file (or of a describe block
 * that needs a server of its own): registers a beforeAll that starts Hearth on its own empty
 * database (see startServer), an afterEach that closes every browser the test opened, and an
 * afterAll that closes any left and stops the server, so a failing test leaves nothing running.
 */
export function useHearth(options: HearthOptions = {}): Hearth {
  let server: TestServer | undefined;
  const browsers: TestBrowser[] = [];
  const closeBrowsers = async () => {
    await Promise.all(browsers.splice(0).map((b) => b.close()));
  };

  beforeAll(async () => {
    if (options.shots) await mkdir(options.shots, { recursive: true });
    server = await startServer(typeof options.env === 'function' ? options.env() : options.env);
  });
  afterEach(closeBrowsers);
  afterAll(async () => {
    await closeBrowsers();
    await server?.stop();
  });

  const hearth: Hearth = {
    get baseUrl(): string {
      if (!server) throw new Error('the Hearth server is not started yet: read baseUrl inside a hook or a test');
      return server.baseUrl;
    },
    async browser(viewport = DESKTOP) {
      const b = await openBrowser(viewport);
      browsers.push(b);
      return b;
    },
    async signedIn(email, { viewport = DESKTOP, keepOffer } = {}) {
      const b = await hearth.browser(viewport);
      await signIn(b.page, hearth.baseUrl, email, { keepOffer });
      return b;
    },
    async shoot(page, name, { file = name, fullPage = true } = {}) {
      if (!options.shots) throw new Error('useHearth({ shots }) names no folder for screenshots');
      await page.screenshot({ path: path.join(options.shots, `${file}.png`), fullPage });
      expect(await hasHorizontalScroll(page), `${name} scrolls sideways`).toBe(false);
      expect(await checkA11y(page), name).toEqual([]);
    },
  };
  return hearth;
}
