/**
 * The admin screen's FHIR export page (issue 15 item 1): before any export, and with a finished
 * export's files listed. Needs a fresh demo server. Standalone:
 *   npx tsx scripts/screenshots-fhir-export.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/fhir-export-*.png at 1280 and 375 px)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { saveShot } from '../e2e/support/shots';
import { DEMO, signIn } from '../e2e/support/app';
import { DESKTOP, openBrowser, PHONE } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';

type Shoot = (page: Page, name: string) => Promise<void>;

export async function shootFhirExportScreens(base: string, viewport: { width: number; height: number }, shoot: Shoot): Promise<void> {
  const b = await openBrowser(viewport);
  const page = b.page;
  await signIn(page, base, DEMO.admin);
  await page.goto(`${base}/admin/fhir-export`);
  await page.getByRole('heading', { level: 1, name: 'FHIR export' }).waitFor();
  await page.getByRole('button', { name: 'Start export' }).waitFor();
  await shoot(page, 'empty');
  await page.getByRole('button', { name: 'Start export' }).click();
  await page.getByRole('list', { name: 'Files' }).waitFor({ timeout: 60_000 });
  await shoot(page, 'ready');
  await page.getByRole('button', { name: 'Start export' }).click();
  await page.getByRole('table', { name: 'Earlier exports' }).waitFor();
  await page.getByRole('list', { name: 'Files' }).waitFor({ timeout: 60_000 });
  await shoot(page, 'ready-with-earlier');
  await b.close();
}

async function main(): Promise<void> {
  if (!process.env.SKIP_BUILD) await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  const outDir = path.join(repoRoot, 'screenshots');
  await mkdir(outDir, { recursive: true });
  for (const viewport of [DESKTOP, PHONE]) {
    const server = await startServer();
    try {
      await shootFhirExportScreens(server.baseUrl, viewport, async (page, name) => {
        const file = path.join(outDir, `fhir-export-${name}-${viewport.width}.png`);
        await saveShot(page, file);
      });
    } finally {
      await server.stop();
    }
  }
}

if (process.argv[1]?.endsWith('screenshots-fhir-export.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
