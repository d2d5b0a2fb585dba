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
  await animationsSettled(page);
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

/**
 * Resolves once no finite animation or transition has run for a few frames (a dialog fading in
 * reads as low contrast mid-fade). Waiting for the ones running now is not enough: Mantine's
 * Transition (modals, a button's loader, menus) applies its styles two animation frames after the
 * change that starts it, so right after a step the page can look still and start fading a moment
 * later. Infinite animations (a loader's spin) never finish and are left alone. Bounded, so a page
 * that never settles is still checked.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const running = () => document.getAnimations().filter((a) => a.playState === 'running' && a.effect && a.effect.getComputedTiming().iterations !== Infinity);
    const deadline = Date.now() + 10000;
    let quietFrames = 0;
    while (quietFrames < 5 && Date.now() < deadline) {
      const now = running();
      if (now.length === 0) {
        quietFrames += 1;
        await frame();
      } else {
        quietFrames = 0;
        const finished = Promise.all(now.map((a) => a.finished.catch(() => undefined)));
        await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())))]);
      }
    }
  })()`);
}

/** True when the page is wider than the window: a horizontal scroll bar on phones. */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
