/**
 * Screens of mail that goes out (issue 16 item 1): "forgot password" (form and answer), the offer
 * page opened from an offer e-mail (accept, decline, accepted, already answered, broken link),
 * the member's reminder settings, and an administrator's invitation result with the e-mail
 * notice. Needs a fresh demo server. Standalone:
 *   npx tsx scripts/screenshots-mail.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/mail-*.png at 1280 and 375 px)
 */
import { inBrowser, runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';
import { apiSession } from '../e2e/support/api';
import { DEMO } from '../e2e/support/app';

/** Refers, screens and offers a place in one of Ada's groups; returns the offer e-mail's token (read from the outbox). */
async function offerByMail(base: string, email: string): Promise<string> {
  const ada = await apiSession(base, DEMO.clinician);
  const admin = await apiSession(base, DEMO.admin);
  const { groups } = await ada.get<{ groups: { id: string }[] }>('/groups');
  for (const group of groups) {
    const referral = await ada.send<{ id: string }>('POST', '/referrals', {
      groupId: group.id,
      personName: 'Rowan Example',
      personEmail: email,
      reason: 'Low mood and isolation since retiring.',
    });
    await ada.send('POST', `/referrals/${referral.id}/intake`, { suitable: true, notes: 'Suitable.', priority: 10 });
    try {
      await ada.send('POST', `/referrals/${referral.id}/offer`, { expiresInDays: 7, skipReason: 'Screenshots' });
    } catch {
      continue;
    }
    const { mail } = await admin.get<{ mail: { toAddress: string; kind: string; bodyText: string }[] }>('/admin/mail');
    const offer = mail.find((m) => m.kind === 'offer' && m.toAddress === email);
    const token = offer ? /offer#token=([\w-]+)/.exec(offer.bodyText)?.[1] : undefined;
    if (token) return token;
  }
  throw new Error('No group of the demo clinician could take an offer');
}

export async function shootMailScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  await inBrowser(viewport, async (page) => {
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await shoot(page, 'forgot-password');
    await page.getByLabel('E-mail').fill(DEMO.participant);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    await shoot(page, 'forgot-password-sent');

    const token = await offerByMail(base, `rowan.${viewport.width}@example.org`);
    await page.goto(`${base}/offer#token=${token}&answer=accept`);
    await page.getByRole('heading', { name: 'Accept your place' }).waitFor();
    await shoot(page, 'offer-accept');
    await page.getByRole('button', { name: "I'd rather decline" }).click();
    await page.getByRole('heading', { name: 'Decline the place?' }).waitFor();
    await shoot(page, 'offer-decline');
    await page.getByRole('button', { name: "I'd like to accept instead" }).click();
    await page.getByLabel('The name the group will know you by').fill(`Rowan${viewport.width}`);
    await page.getByRole('button', { name: 'Accept the place' }).click();
    await page.getByRole('heading', { name: 'Your place is confirmed' }).waitFor();
    await shoot(page, 'offer-accepted');
    // A fresh load, as from the e-mail (a hash change alone would keep the page as it is).
    await page.goto('about:blank');
    await page.goto(`${base}/offer#token=${token}&answer=decline`);
    await page.getByRole('heading', { name: 'You have already accepted this place' }).waitFor();
    await shoot(page, 'offer-already-answered');
    await page.goto('about:blank');
    await page.goto(`${base}/offer#token=${'x'.repeat(43)}&answer=accept`);
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    await shoot(page, 'offer-invalid-link');
  });

  await signedIn(base, viewport, DEMO.participant, async (page) => {
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'Reminders' }).waitFor();
    // Session reminders are opt-in: the member turns them on.
    await page.getByRole('switch', { name: /Session reminders/ }).click();
    await page.getByText('Session reminders by e-mail are on.').waitFor();
    await page.getByRole('heading', { name: 'Reminders' }).scrollIntoViewIfNeeded();
    await shoot(page, 'reminder-settings');
  });

  await signedIn(base, viewport, DEMO.admin, async (page) => {
    await page.goto(`${base}/admin/users`);
    await page.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Full name').fill('Nia Newcomer');
    await dialog.getByLabel('E-mail').fill(`nia.${viewport.width}@example.org`);
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByTestId('invite-mail').waitFor();
    await shoot(page, 'invite-result');
  });
}

runScript('screenshots-mail.ts', () => shootAtBothWidths('mail', shootMailScreens));
