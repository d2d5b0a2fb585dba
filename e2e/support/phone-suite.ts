import type { Page } from 'playwright-core';
import { PHONE } from './browser';
import { useHearth } from './hearth';

/** Harbour, a peer of Willow (participant1) in the demo group. */
export const HARBOUR = 'participant2@demo.hearth.local';

/**
 * useHearth for a phone-first end-to-end file: a separate browser (own cookies) per person at
 * 375 px, and screenshots (`<name>-375.png`) that must pass axe-core and never scroll sideways.
 * Call once at the top of a test file.
 */
export function phoneSuite(shotsDir: string) {
  const hearth = useHearth({ shots: shotsDir });
  return {
    baseUrl(): string {
      return hearth.baseUrl;
    },
    /** A separate browser (its own cookies) at 375 px. */
    async phone(): Promise<Page> {
      return (await hearth.browser(PHONE)).page;
    },
    /** A browser at another size (the desktop view of a phone-first screen), closed after the test too. */
    browser: hearth.browser,
    async shoot(page: Page, name: string): Promise<void> {
      await hearth.shoot(page, name, { file: `${name}-375` });
    },
  };
}
