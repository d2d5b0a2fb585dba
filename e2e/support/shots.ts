import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { checkA11y, hasHorizontalScroll } from './a11y';
import { DESKTOP, PHONE } from './browser';
import { repoRoot, startServer } from './server';

/** What a screen shows wrong as it is now: sideways scrolling, then each axe finding, one line each. */
export async function screenProblems(page: Page): Promise<string[]> {
  return [
    (await hasHorizontalScroll(page)) ? 'HORIZONTAL SCROLL' : '',
    ...(await checkA11y(page)).map((p) => `${p.rule} (${p.impact}): ${p.targets.slice(0, 3).join(', ')}`),
  ].filter(Boolean);
}

/**
 * Saves a full-page shot of `page` to `file`, prints `label` (the file's path unless told) with
 * the screen's problems under it, and returns the problems: the screenshot scripts' one way to
 * take a shot and say what is wrong with it.
 */
export async function saveShot(page: Page, file: string, label = file): Promise<string[]> {
  await page.screenshot({ path: file, fullPage: true });
  const problems = await screenProblems(page);
  console.log(`${label}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
  return problems;
}

/** A script's screens at one width, against a running server: `shoot(page, name)` once each screen is ready. */
export type ShootScreens = (base: string, viewport: { width: number; height: number }, shoot: (page: Page, name: string) => Promise<void>) => Promise<void>;

/**
 * A screenshot script's whole run: builds the web app unless SKIP_BUILD is set, then at 1280 and
 * 375 px starts a fresh demo server and shoots `screens` into ./screenshots/<prefix>-<name>-<width>.png,
 * each once the network is idle and scrolled to the top (a full-page shot taken scrolled down
 * draws the sticky header part-way down the page).
 */
export async function shootAtBothWidths(prefix: string, screens: ShootScreens): Promise<void> {
  if (!process.env.SKIP_BUILD) await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  const outDir = path.join(repoRoot, 'screenshots');
  await mkdir(outDir, { recursive: true });
  for (const viewport of [DESKTOP, PHONE]) {
    const server = await startServer();
    try {
      await screens(server.baseUrl, viewport, async (page, name) => {
        await page.waitForLoadState('networkidle').catch(() => undefined);
        await page.waitForTimeout(400);
        await page.evaluate(() => window.scrollTo(0, 0));
        await saveShot(page, path.join(outDir, `${prefix}-${name}-${viewport.width}.png`));
      });
    } finally {
      await server.stop();
    }
  }
}
