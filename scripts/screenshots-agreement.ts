/**
 * The journal-alert setting where people meet it: the admin's "Private journal" setting, the group
 * agreement's "Safety between sessions" section after the setting changed, and the journal's line.
 *   npx tsx scripts/screenshots-agreement.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/agreement-*.png at 1280 and 375 px)
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { build } from 'vite';
import { checkA11y } from '../e2e/support/a11y';
import { DEMO, signIn } from '../e2e/support/app';
import { DESKTOP, openBrowser, PHONE } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';

async function main(): Promise<void> {
  if (!process.env.SKIP_BUILD) await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  const outDir = path.join(repoRoot, 'screenshots');
  await mkdir(outDir, { recursive: true });
  for (const viewport of [DESKTOP, PHONE]) {
    const server = await startServer();
    try {
      const shootWith = (page: Page) => async (name: string) => {
        await page.waitForTimeout(400);
        const findings = await checkA11y(page);
        console.log(`${name} ${viewport.width}px: ${findings.length} accessibility findings`);
        await page.screenshot({ path: path.join(outDir, `agreement-${name}-${viewport.width}.png`), fullPage: true });
      };
      const admin = await openBrowser(viewport);
      try {
        await signIn(admin.page, server.baseUrl, DEMO.admin);
        await admin.page.goto(`${server.baseUrl}/admin/settings`);
        const select = admin.page.getByLabel('Alert the care team about risk in the private journal');
        await select.selectOption('true');
        await admin.page.getByRole('button', { name: 'Save settings' }).click();
        await admin.page.getByText('members are asked to read and accept it again').waitFor();
        await admin.page.getByRole('heading', { name: 'Private journal' }).scrollIntoViewIfNeeded();
        await shootWith(admin.page)('settings');
      } finally {
        await admin.close();
      }
      const member = await openBrowser(viewport);
      try {
        await signIn(member.page, server.baseUrl, DEMO.participant);
        const mine = (await (await member.page.request.get(`${server.baseUrl}/api/me/enrolments`)).json()) as { enrolments: { id: string }[] };
        await member.page.goto(`${server.baseUrl}/agreement/${mine.enrolments[0]?.id ?? ''}`);
        await member.page.getByRole('heading', { name: 'Safety between sessions' }).waitFor();
        await shootWith(member.page)('agreement');
        await member.page.goto(`${server.baseUrl}/journal`);
        await member.page.getByTestId('journal-alert-statement').waitFor();
        await shootWith(member.page)('journal');
      } finally {
        await member.close();
      }
    } finally {
      await server.stop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
