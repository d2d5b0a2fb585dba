/**
 * The record number on the referral form (issue 15): a mistyped NHS number refused inline with its
 * reason, nothing sent. Standalone:
 *   npx tsx scripts/screenshots-record-number.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/record-number-*.png at 1280 and 375 px)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { saveShot } from '../e2e/support/shots';
import { DEMO, signIn } from '../e2e/support/app';
import { DESKTOP, openBrowser, PHONE } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';

async function main(): Promise<void> {
  if (!process.env.SKIP_BUILD) await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  const outDir = path.join(repoRoot, 'screenshots');
  await mkdir(outDir, { recursive: true });
  const server = await startServer({ HEARTH_RECORD_NUMBER_SYSTEM: 'https://fhir.nhs.uk/Id/nhs-number' });
  try {
    for (const viewport of [DESKTOP, PHONE]) {
      const b = await openBrowser(viewport);
      const page = b.page;
      await signIn(page, server.baseUrl, DEMO.clinician2);
      await page.getByRole('button', { name: 'Refer someone' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel("Person's full name").fill('Robin Ash');
      await dialog.getByLabel('Their e-mail').fill(`robin.ash.${viewport.width}@example.org`);
      await dialog.getByLabel('Reason for referral').fill('Low mood and isolation after moving.');
      await dialog.getByLabel('Record number (optional)').fill('943 476 5918');
      await dialog.getByRole('button', { name: 'Send referral' }).click();
      await dialog.getByText(/check digit does not match/).waitFor();
      await page.waitForTimeout(400);
      const file = path.join(outDir, `record-number-refused-${viewport.width}.png`);
      await saveShot(page, file);
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
