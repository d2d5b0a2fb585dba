/**
 * The admin screen's FHIR export page (issue 15 item 1): before any export, and with a finished
 * export's files listed. Needs a fresh demo server. Standalone:
 *   npx tsx scripts/screenshots-fhir-export.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/fhir-export-*.png at 1280 and 375 px)
 */
import type { Page } from 'playwright-core';
import { shootAtBothWidths } from '../e2e/support/shots';
import { DEMO, signIn } from '../e2e/support/app';
import { openBrowser } from '../e2e/support/browser';

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

function main(): Promise<void> {
  return shootAtBothWidths('fhir-export', shootFhirExportScreens);
}

if (process.argv[1]?.endsWith('screenshots-fhir-export.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
