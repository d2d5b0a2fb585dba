import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { apiSession } from './support/api';
import { DEMO } from './support/app';
import { useHearth } from './support/hearth';

// Issue 16 item 1: a referred person accepts an offer from the link in its e-mail (read from the
// outbox, as on a service without SMTP), chooses a password and signs in.

const hearth = useHearth();

describe('an offer answered from its e-mail', () => {
  it('accept link → confirmation page → choose a password; the link then says it was used', async () => {
    const base = hearth.baseUrl;
    const ada = await apiSession(base, DEMO.clinician);
    const admin = await apiSession(base, DEMO.admin);
    const { groups } = await ada.get<{ groups: { id: string }[] }>('/groups');
    const email = 'kit.offer@example.org';
    let offered = false;
    for (const group of groups) {
      const referral = await ada.send<{ id: string }>('POST', '/referrals', {
        groupId: group.id,
        personName: 'Kit Offer',
        personEmail: email,
        reason: 'Isolation; would value a group.',
      });
      await ada.send('POST', `/referrals/${referral.id}/intake`, { suitable: true, notes: 'Suitable.', priority: 10 });
      offered = await ada.send('POST', `/referrals/${referral.id}/offer`, { expiresInDays: 7, skipReason: 'e2e' }).then(
        () => true,
        () => false,
      );
      if (offered) break;
    }
    expect(offered).toBe(true);
    const { mail } = await admin.get<{ mail: { toAddress: string; kind: string; subject: string; bodyText: string }[] }>('/admin/mail?status=outbox');
    const offerMail = mail.find((m) => m.kind === 'offer' && m.toAddress === email);
    expect(offerMail?.subject).toBe('A place has been offered to you');
    const acceptLink = /https?:\/\/\S+\/offer#token=[\w-]+&answer=accept/.exec(offerMail?.bodyText ?? '')?.[0];
    expect(acceptLink).toBeDefined();

    const b = await hearth.browser();
    const page = b.page;
    await page.goto(acceptLink!.replace(/^https?:\/\/[^/]+/, base));
    await page.getByRole('heading', { name: 'Accept your place' }).waitFor();
    expect(await checkA11y(page)).toEqual([]);
    await page.getByLabel('The name the group will know you by').fill('Kestrel');
    await page.getByRole('button', { name: 'Accept the place' }).click();
    await page.getByRole('heading', { name: 'Your place is confirmed' }).waitFor();
    await page.getByRole('link', { name: 'Choose your password' }).click();
    await page.getByLabel('New password').fill('kestrels hover over the hill');
    await page.getByLabel('Type the password again').fill('kestrels hover over the hill');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('heading', { name: 'Your password is set' }).waitFor();

    // Opening the e-mail's link again changes nothing and says so.
    await page.goto(acceptLink!.replace(/^https?:\/\/[^/]+/, base).replace('answer=accept', 'answer=decline'));
    await page.getByRole('heading', { name: 'You have already accepted this place' }).waitFor();
  });
});
