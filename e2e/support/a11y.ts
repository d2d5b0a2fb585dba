import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One axe-core finding, trimmed to what a person needs to fix it. */
export interface A11yProblem {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now. axe is evaluated through
 * the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
 */
export async function checkA11y(page: Page): Promise<A11yProblem[]> {
  // Let running CSS transitions end first (a dialog fading in reads as low contrast mid-fade).
  // Infinite ones (a loader's spin) never finish and are left alone.
  await page.evaluate(
    `Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined)))`,
  );
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axe.source);
  const results = (await page.evaluate(`window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  })`)) as axe.AxeResults;
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** True when the page is wider than the window: a horizontal scroll bar on phones. */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
