import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, hasHorizontalScroll } from './support/a11y';
import { DEMO } from './support/app';
import { DESKTOP, PHONE } from './support/browser';
import { useHearth } from './support/hearth';

// Issue 16: a member adds their own mobile number on the notification settings page at 375 px
// (a bad number refused under the field, nothing saved), turns session reminders by text message
// on, and removes the number again, which turns them off. The server has an SMS gateway (a local
// HTTP server here). Screens at 375 and 1280 px, axe clean; the administrator's text page too.

const SHOTS = 'screenshots/member-mobile';
let gateway: Server;

// The SMS gateway starts first: the server is started (by useHearth) pointing at it, and stopped before it.
beforeAll(async () => {
  gateway = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(202).end());
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  gateway?.closeAllConnections();
  await new Promise<void>((resolve) => (gateway ? gateway.close(() => resolve()) : resolve()));
});
const hearth = useHearth({ shots: SHOTS, env: () => ({ HEARTH_SMS_HTTP_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send` }) });

describe("a member's own mobile number", () => {
  it('is added at 375 px (a bad number refused first), used for text reminders, and removed, which turns them off', async () => {
    const { page } = await hearth.signedIn(DEMO.participant, { viewport: PHONE });
    await page.goto(`${hearth.baseUrl}/account/notifications`);
    await page.getByRole('heading', { name: 'Your mobile number' }).waitFor();
    const card = page.getByTestId('my-mobile');
    const textSwitch = page.getByTestId('session-reminders').getByRole('switch', { name: 'By text message' });
    expect(await textSwitch.isDisabled()).toBe(true);
    expect(await checkA11y(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/empty-375.png`, fullPage: true });

    await card.getByLabel('Mobile number').fill('07400 12345');
    await card.getByRole('button', { name: 'Save number' }).click();
    await card
      .getByText(/not a valid mobile number/)
      .first()
      .waitFor();
    expect(await card.getByLabel('Mobile number').getAttribute('aria-invalid')).toBe('true');
    expect(await checkA11y(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/refused-375.png`, fullPage: true });

    await card.getByLabel('Mobile number').fill('07700 900123');
    await card.getByRole('button', { name: 'Save number' }).click();
    await page.getByText('Saved. Text messages you choose go to +447700900123.').waitFor();
    await textSwitch.click({ force: true });
    await page.getByText('Session reminders by text message are on.').waitFor();
    expect(await textSwitch.isChecked()).toBe(true);
    expect(await checkA11y(page)).toEqual([]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/saved-375.png`, fullPage: true });

    await card.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Your mobile number is removed, and session reminders by text message are now off.').waitFor();
    await expect.poll(() => textSwitch.isChecked()).toBe(false);
    expect(await card.getByLabel('Mobile number').inputValue()).toBe('');
  });

  it('shows the page at 1280 px and the reminder texts to an administrator, axe clean', async () => {
    const member = await hearth.signedIn(DEMO.participant);
    await member.page.goto(`${hearth.baseUrl}/account/notifications`);
    const card = member.page.getByTestId('my-mobile');
    await card.getByLabel('Mobile number').fill('+44 7700 900456');
    await card.getByRole('button', { name: 'Save number' }).click();
    await member.page.getByText('Saved. Text messages you choose go to +447700900456.').waitFor();
    // The saved number is the form's now (it offers "Remove"). The button's loader is still leaving
    // (Mantine's Transition starts frames later): checkA11y waits for transitions to settle.
    await card.getByRole('button', { name: 'Remove' }).waitFor();
    expect(await checkA11y(member.page)).toEqual([]);
    await member.page.screenshot({ path: `${SHOTS}/saved-1280.png`, fullPage: true });

    for (const [viewport, width] of [
      [DESKTOP, 1280],
      [PHONE, 375],
    ] as const) {
      const admin = await hearth.signedIn(DEMO.admin, { viewport });
      await admin.page.goto(`${hearth.baseUrl}/admin/sms`);
      await admin.page.getByRole('heading', { name: 'Session reminder texts' }).waitFor();
      expect(await checkA11y(admin.page)).toEqual([]);
      expect(await hasHorizontalScroll(admin.page)).toBe(false);
      await admin.page.screenshot({ path: `${SHOTS}/admin-sms-${width}.png`, fullPage: true });
    }
  });
});
