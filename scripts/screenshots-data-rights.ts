/**
 * Data rights (issue 15 item 3): the participant's "Your data" page, the downloaded readable copy,
 * and the administrator's erasure page before (dry run) and after. Standalone:
 *   npx tsx scripts/screenshots-data-rights.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/data-rights-*.png at 1280 and 375 px)
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { saveShot } from '../e2e/support/shots';
import { DEMO, signIn } from '../e2e/support/app';
import { DESKTOP, openBrowser, PHONE } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';

async function shoot(page: Page, outDir: string, name: string, width: number): Promise<void> {
  await page.waitForTimeout(400);
  const file = path.join(outDir, `data-rights-${name}-${width}.png`);
  await saveShot(page, file);
}

async function main(): Promise<void> {
  if (!process.env.SKIP_BUILD) await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  const outDir = path.join(repoRoot, 'screenshots');
  await mkdir(outDir, { recursive: true });
  const server = await startServer();
  try {
    // One member erased per width: participant2 at 1280, participant3 at 375.
    const erased = [
      { viewport: DESKTOP, name: 'Jonah Reyes' },
      { viewport: PHONE, name: 'Priya Nair' },
    ];
    for (const { viewport, name } of erased) {
      const member = await openBrowser(viewport);
      await signIn(member.page, server.baseUrl, DEMO.participant);
      await member.page.goto(`${server.baseUrl}/account/data`);
      await member.page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
      await shoot(member.page, outDir, 'my-data', viewport.width);
      const [download] = await Promise.all([member.page.waitForEvent('download'), member.page.getByTestId('download-summary').click()]);
      // Opened as the person would open the saved file (a .html file, so Chromium renders it as a page).
      const saved = path.join(outDir, `data-rights-summary-${viewport.width}.html`);
      await copyFile((await download.path())!, saved);
      await member.page.goto(`file://${saved}`);
      await shoot(member.page, outDir, 'summary', viewport.width);
      await member.close();

      const b = await openBrowser(viewport);
      const page = b.page;
      await signIn(page, server.baseUrl, DEMO.admin);
      await page.goto(`${server.baseUrl}/admin/users`);
      await page
        .getByRole('button', { name: `Actions for ${name}` })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Erase personal data…' }).click();
      await page.getByText('Nothing has changed yet.').waitFor();
      await page.getByLabel('Reason').fill('Letter of 3 December, ref 42');
      await page.getByLabel(/I have checked this is/).check();
      await shoot(page, outDir, 'erasure-preview', viewport.width);
      await page.getByRole('button', { name: `Erase ${name}’s data` }).click();
      await page.getByRole('heading', { name: 'Erasure carried out' }).waitFor();
      await shoot(page, outDir, 'erasure-done', viewport.width);
      await b.close();
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
