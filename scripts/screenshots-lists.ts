/**
 * The lists moved onto `layout/ResponsiveTable` (issue 12 step 7), at 1280 px and 375 px, with axe
 * on each: to compare a list before and after it moved.
 *
 *   SKIP_BUILD=1 SCREENSHOT_DIR=/tmp/lists-before npx tsx scripts/screenshots-lists.ts
 *
 * Exits 1 when axe finds a problem or a page scrolls sideways.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { checkA11y } from '../e2e/support/a11y';
import { DEMO, signIn } from '../e2e/support/app';
import { DESKTOP, PHONE, openBrowser } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';

const outDir = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(repoRoot, 'screenshots', 'lists'));
let failures = 0;

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.mantine-Loader')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = `${name}-${width}.png`;
  await page.screenshot({ path: path.join(outDir, file), fullPage: true });
  const a11y = await checkA11y(page);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  const problems = [...a11y.map((p) => `axe ${p.rule} (${p.impact}): ${p.targets.slice(0, 3).join(', ')}`), sideways ? 'scrolls sideways' : ''].filter(Boolean);
  if (problems.length) failures += 1;
  console.log(`${file}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
}

async function shootWidth(viewport: { width: number; height: number }): Promise<void> {
  const w = viewport.width;
  const server = await startServer();
  const base = server.baseUrl;
  try {
    let b = await openBrowser(viewport);
    let page = b.page;
    await signIn(page, base, DEMO.admin);
    await page.goto(`${base}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await shoot(page, 'audit', w);
    await page.goto(`${base}/admin/programmes`);
    await page.locator('#main-content h1').first().waitFor();
    await shoot(page, 'programmes', w);
    await b.close();

    b = await openBrowser(viewport);
    page = b.page;
    await signIn(page, base, DEMO.clinician);
    await page.getByRole('heading', { name: 'My referrals' }).waitFor();
    await shoot(page, 'my-referrals', w);
    await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await shoot(page, 'sessions-panel', w);
    await b.close();
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  if (!process.env.SKIP_BUILD) {
    const { build } = await import('vite');
    await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  }
  await mkdir(outDir, { recursive: true });
  for (const viewport of [DESKTOP, PHONE]) await shootWidth(viewport);
  console.log(`\nScreenshots in ${outDir}; ${failures} screen(s) with problems.`);
  if (failures) process.exitCode = 1;
}

await main();
