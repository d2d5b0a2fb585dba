/**
 * The admin screen's FHIR export page (issue 15 item 1): before any export, and with a finished
 * export's files listed. Needs a fresh demo server. Standalone:
 *   npx tsx scripts/screenshots-fhir-export.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/fhir-export-*.png at 1280 and 375 px)
 */
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';
import { DEMO } from '../e2e/support/app';

export async function shootFhirExportScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  await signedIn(base, viewport, DEMO.admin, async (page) => {
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
  });
}

runScript('screenshots-fhir-export.ts', () => shootAtBothWidths('fhir-export', shootFhirExportScreens));
