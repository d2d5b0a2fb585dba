/**
 * Screenshots of the duty rota and alert delivery screens at 1280 and 375 px: the admin's rota
 * page (after adding a shift), a clinician's "How alerts reach you" card, and an alert's
 * "Who was told" list after the delivery loop sent it.
 *
 *   npx tsx scripts/screenshots-delivery.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/delivery/*.png)
 */
import { apiSession } from '../e2e/support/api';
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';
import { DEMO } from '../e2e/support/app';

/** A clinician sets their mobile through the API (the account page does the same). */
async function setMobile(base: string, email: string, mobile: string): Promise<void> {
  await (await apiSession(base, email)).send('PUT', '/me/mobile', { mobile });
}

/** A participant answers PHQ-9 with item 9 = 1 through the API: an urgent alert, sent by the server's delivery loop. */
async function raiseAlert(base: string): Promise<void> {
  const answers = Object.fromEntries([1, 1, 0, 1, 0, 0, 1, 0, 1].map((v, i) => [`phq9-${i + 1}`, v]));
  const participant = await apiSession(base, DEMO.participant);
  await participant.send('POST', '/measures/responses', { instrumentCode: 'phq-9', version: 1, answers, idempotencyKey: `screenshots-${Date.now()}` });
}

export async function shootDeliveryScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  await signedIn(base, viewport, DEMO.admin, async (page) => {
    await page.goto(`${base}/admin/rota`);
    await page.getByRole('heading', { name: 'Duty rota', level: 1 }).waitFor();
    await shoot(page, 'rota-empty');
    const clinician = page.getByLabel('Clinician', { exact: true });
    await clinician.selectOption({ index: 1 });
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    const start = new Date(Date.now() - 3_600_000);
    start.setMinutes(0, 0, 0);
    await page.getByLabel('From', { exact: true }).fill(local(start));
    await page.getByLabel('Until', { exact: true }).fill(local(new Date(start.getTime() + 3 * 86_400_000)));
    await page.getByRole('button', { name: 'Add shift' }).click();
    await page.getByText(/is on duty from/).waitFor();
    // The same again: refused as an overlap.
    await clinician.selectOption({ index: 2 });
    await page.getByLabel('From', { exact: true }).fill(local(new Date(start.getTime() + 86_400_000)));
    await page.getByLabel('Until', { exact: true }).fill(local(new Date(start.getTime() + 4 * 86_400_000)));
    await page.getByRole('button', { name: 'Add shift' }).click();
    await page.getByText('This shift overlaps another').waitFor();
    await shoot(page, 'rota-with-shift-and-overlap');
  });

  await setMobile(base, DEMO.clinician2, '07400 123456');
  await raiseAlert(base);
  // Let the server's delivery loop send the queued attempts.
  await new Promise((r) => setTimeout(r, 2000));

  await signedIn(base, viewport, DEMO.clinician, async (page) => {
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'How alerts reach you' }).waitFor();
    await shoot(page, 'clinician-account-alert-delivery');
    await page.goto(`${base}/alerts`);
    await page.getByRole('button', { name: 'Who was told' }).first().click();
    await page
      .getByText(/E-mail/)
      .first()
      .waitFor();
    await shoot(page, 'alert-who-was-told');
  });

  await signedIn(base, viewport, DEMO.admin, async (page) => {
    await page.goto(`${base}/admin/sms`);
    await page.getByRole('heading', { name: 'Text messages', level: 1 }).waitFor();
    await shoot(page, 'admin-sms-outbox');
  });
}

runScript('screenshots-delivery.ts', () => shootAtBothWidths('', shootDeliveryScreens, { dir: 'delivery' }));
