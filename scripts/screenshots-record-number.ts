/**
 * The record number on the referral form (issue 15): a mistyped NHS number refused inline with its
 * reason, nothing sent. Standalone:
 *   npx tsx scripts/screenshots-record-number.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/record-number-*.png at 1280 and 375 px)
 */
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';
import { DEMO } from '../e2e/support/app';
import { fillRobinAshReferral } from '../e2e/support/referrals';

export async function shootRecordNumberScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  await signedIn(base, viewport, DEMO.clinician2, async (page) => {
    const dialog = await fillRobinAshReferral(page, `robin.ash.${viewport.width}@example.org`, 'Low mood and isolation after moving.');
    await dialog.getByLabel('Record number (optional)').fill('943 476 5918');
    await dialog.getByRole('button', { name: 'Send referral' }).click();
    await dialog.getByText(/check digit does not match/).waitFor();
    await shoot(page, 'refused');
  });
}

runScript('screenshots-record-number.ts', () =>
  shootAtBothWidths('record-number', shootRecordNumberScreens, { env: { HEARTH_RECORD_NUMBER_SYSTEM: 'https://fhir.nhs.uk/Id/nhs-number' } }),
);
