import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { apiSession } from './support/api';
import { DEMO, signIn } from './support/app';
import { DESKTOP, PHONE } from './support/browser';
import { useHearth } from './support/hearth';

// Issue 16: the notification-settings page. A member turns session reminders on there, a session
// of theirs is moved to the next day, and the reminder appears in the outbox (the server's own
// background job, as on a service without SMTP). Staff see their digest choice and that alerts
// cannot be switched off. Both at 1280 and 375 px, axe clean.

const SHOTS = 'screenshots/notification-settings';
const hearth = useHearth({ shots: SHOTS });

/** "YYYY-MM-DDTHH:mm" in Europe/London (the demo groups' zone) for a moment `hours` from now. */
function londonLocal(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

describe('notification settings', () => {
  it('a member turns session reminders on from the account page; a reminder for the next session appears in the outbox', async () => {
    const base = hearth.baseUrl;
    const b = await hearth.browser();
    const page = b.page;
    await signIn(page, base, DEMO.participant);
    await page.goto(`${base}/account`);
    await page.getByTestId('notification-settings-link').click();
    await page.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
    const sessionSwitch = page.getByTestId('session-reminders').getByRole('switch', { name: 'By e-mail' });
    expect(await sessionSwitch.isChecked()).toBe(false);
    // No SMS gateway on this server: text messages are not offered.
    expect(await page.getByRole('switch', { name: 'By text message' }).count()).toBe(0);
    await sessionSwitch.click({ force: true });
    await page.getByText('Session reminders by e-mail are on.').waitFor();
    expect(await sessionSwitch.isChecked()).toBe(true);
    expect(await checkA11y(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/member-1280.png`, fullPage: true });

    // The member's next session moves to about 20 hours from now (trying a few hours in case the
    // group already has a session then); the background job reminds them within its minute.
    const member = await apiSession(base, DEMO.participant);
    const ada = await apiSession(base, DEMO.clinician);
    const { sessions } = await member.get<{ sessions: { id: string }[] }>('/me/upcoming-sessions');
    expect(sessions.length).toBeGreaterThan(0);
    let moved = false;
    for (const hours of [20, 18, 22, 16, 12]) {
      moved = await ada.send('POST', `/group-sessions/${sessions[0]!.id}/reschedule`, { startsAtLocal: londonLocal(hours) }).then(
        () => true,
        () => false,
      );
      if (moved) break;
    }
    expect(moved).toBe(true);
    const admin = await apiSession(base, DEMO.admin);
    let reminder: { subject: string; bodyText: string } | undefined;
    for (let waited = 0; waited < 80_000 && !reminder; waited += 2_000) {
      const { mail } = await admin.get<{ mail: { toAddress: string; kind: string; subject: string; bodyText: string }[] }>('/admin/mail?status=outbox');
      reminder = mail.find((m) => m.kind === 'session_reminder' && m.toAddress === DEMO.participant);
      if (!reminder) await new Promise((r) => setTimeout(r, 2_000));
    }
    expect(reminder?.subject).toBe('Reminder: your session tomorrow');
    expect(reminder?.bodyText).toContain('You get this reminder because you turned session reminders on. Change this under Your account → Notification settings');

    const phone = await hearth.signedIn(DEMO.participant, { viewport: PHONE });
    await phone.page.goto(`${base}/account/notifications`);
    await phone.page.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
    expect(await phone.page.getByTestId('session-reminders').getByRole('switch', { name: 'By e-mail' }).isChecked()).toBe(true);
    expect(await checkA11y(phone.page)).toEqual([]);
    await phone.page.screenshot({ path: `${SHOTS}/member-375.png`, fullPage: true });
  });

  it('a clinician sees the digest choice and that alerts cannot be switched off, at both widths', async () => {
    for (const [viewport, width] of [
      [DESKTOP, 1280],
      [PHONE, 375],
    ] as const) {
      const b = await hearth.signedIn(DEMO.clinician, { viewport });
      await b.page.goto(`${hearth.baseUrl}/account/notifications`);
      await b.page.getByText('Alerts cannot be switched off').waitFor();
      expect(await b.page.getByRole('switch', { name: 'By e-mail' }).isChecked()).toBe(true);
      expect(await b.page.getByRole('switch').count()).toBe(1);
      expect(await checkA11y(b.page)).toEqual([]);
      await b.page.screenshot({ path: `${SHOTS}/staff-${width}.png`, fullPage: true });
    }
  });
});
