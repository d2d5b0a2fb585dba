/**
 * Screenshots of the duty rota and alert delivery screens at 1280 and 375 px: the admin's rota
 * page (after adding a shift), a clinician's "How alerts reach you" card, and an alert's
 * "Who was told" list after the delivery loop sent it.
 *
 *   npx vite build && npx tsx scripts/screenshots-delivery.ts     # into ./screenshots/delivery
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { saveShot } from '../e2e/support/shots';
import { DEMO, DEMO_PASSWORD, signIn } from '../e2e/support/app';
import { DESKTOP, PHONE, openBrowser } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';

const outDir = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(repoRoot, 'screenshots', 'delivery'));

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(outDir, `${name}-${width}.png`);
  await saveShot(page, file, path.basename(file));
}

/** A clinician sets their mobile through the API (the account page does the same). */
async function setMobile(base: string, email: string, mobile: string): Promise<void> {
  const b = await openBrowser(DESKTOP);
  try {
    const login = await b.page.request.post(`${base}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const response = await b.page.request.put(`${base}/api/me/mobile`, { headers: { 'x-csrf-token': csrfToken }, data: { mobile } });
    if (!response.ok()) throw new Error(`setting the mobile failed: ${response.status()} ${await response.text()}`);
  } finally {
    await b.close();
  }
}

/** A participant answers PHQ-9 with item 9 = 1 through the API: an urgent alert, sent by the server's delivery loop. */
async function raiseAlert(base: string): Promise<void> {
  const b = await openBrowser(DESKTOP);
  try {
    const login = await b.page.request.post(`${base}/api/auth/login`, { data: { email: DEMO.participant, password: DEMO_PASSWORD } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const answers = Object.fromEntries([1, 1, 0, 1, 0, 0, 1, 0, 1].map((v, i) => [`phq9-${i + 1}`, v]));
    const response = await b.page.request.post(`${base}/api/measures/responses`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { instrumentCode: 'phq-9', version: 1, answers, idempotencyKey: `screenshots-${Date.now()}` },
    });
    if (!response.ok()) throw new Error(`raising the alert failed: ${response.status()} ${await response.text()}`);
  } finally {
    await b.close();
  }
}

async function shootWidth(viewport: { width: number; height: number }): Promise<void> {
  const w = viewport.width;
  const server = await startServer();
  const base = server.baseUrl;
  try {
    let b = await openBrowser(viewport);
    let page = b.page;
    await signIn(page, base, DEMO.admin);
    await page.goto(`${base}/admin/rota`);
    await page.getByRole('heading', { name: 'Duty rota', level: 1 }).waitFor();
    await shoot(page, 'rota-empty', w);
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
    await shoot(page, 'rota-with-shift-and-overlap', w);
    await b.close();

    await setMobile(base, DEMO.clinician2, '07400 123456');
    await raiseAlert(base);
    // Let the server's delivery loop send the queued attempts.
    await new Promise((r) => setTimeout(r, 2000));

    b = await openBrowser(viewport);
    page = b.page;
    await signIn(page, base, DEMO.clinician);
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'How alerts reach you' }).waitFor();
    await shoot(page, 'clinician-account-alert-delivery', w);
    await page.goto(`${base}/alerts`);
    await page.getByRole('button', { name: 'Who was told' }).first().click();
    await page
      .getByText(/E-mail/)
      .first()
      .waitFor();
    await shoot(page, 'alert-who-was-told', w);
    await b.close();

    b = await openBrowser(viewport);
    page = b.page;
    await signIn(page, base, DEMO.admin);
    await page.goto(`${base}/admin/sms`);
    await page.getByRole('heading', { name: 'Text messages', level: 1 }).waitFor();
    await shoot(page, 'admin-sms-outbox', w);
    await b.close();
  } finally {
    await server.stop();
  }
}

await mkdir(outDir, { recursive: true });
for (const viewport of [DESKTOP, PHONE]) await shootWidth(viewport);
