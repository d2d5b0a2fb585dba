/**
 * Contact-detail screens for scripts/screenshots.ts: the member's own card and its edit form on
 * their account page, the card on a member's record (clinician) and its edit form, the referral
 * and intake forms with contact details unfolded, and an alert card with tap-to-call. Needs a fresh demo
 * server (it posts in the group space to raise an alert). Standalone:
 *   npx tsx scripts/screenshots-contacts.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/contacts-*.png at 1280 and 375 px)
 */
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';
import { apiSession } from '../e2e/support/api';
import { DEMO } from '../e2e/support/app';

export async function shootContactScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  const p1 = await apiSession(base, DEMO.participant);
  const groups = await p1.get<{ groups: { id: string }[] }>('/groups');
  const groupId = groups.groups[0]?.id ?? '';
  // A risk message raises an alert, so the queue has a card with the member's numbers.
  await p1.send('POST', `/space/groups/${groupId}/threads`, { title: 'Hard week', text: "Honestly I don't see the point anymore, I feel like such a burden to everyone." });
  const ada = await apiSession(base, DEMO.clinician);
  const group = await ada.get<{ members: { enrolmentId: string; pseudonym: string }[] }>(`/groups/${groupId}`);
  const willow = group.members.find((m) => m.pseudonym === 'Willow')?.enrolmentId ?? '';

  await signedIn(base, viewport, DEMO.participant, async (page) => {
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'How we reach you' }).waitFor();
    await shoot(page, 'member-account');
    await page.getByRole('button', { name: 'Edit contact details' }).click();
    await page.getByRole('dialog').getByLabel('Mobile').fill('07700 9001');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('dialog')
      .getByText(/not a valid phone number/)
      .first()
      .waitFor();
    await shoot(page, 'member-edit-invalid-phone');
  });

  await signedIn(base, viewport, DEMO.clinician, async (page) => {
    await page.goto(`${base}/records/${willow}`);
    await page.getByRole('heading', { name: 'Contact details' }).waitFor();
    await page.getByRole('heading', { name: 'Contact details' }).scrollIntoViewIfNeeded();
    await shoot(page, 'record-card');
    await page.getByRole('button', { name: 'Edit contact details' }).click();
    await page.getByRole('dialog').getByLabel('Practice', { exact: true }).waitFor();
    await shoot(page, 'record-edit');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.goto(`${base}/alerts`);
    await page.getByRole('heading', { name: /Alerts/, level: 1 }).waitFor();
    await page
      .getByRole('link', { name: /^Call .* mobile/ })
      .first()
      .waitFor();
    await shoot(page, 'alert-card');
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Refer someone' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Contact details (optional)' }).click();
    await page.getByRole('dialog').getByLabel('Mobile').waitFor();
    await shoot(page, 'referral-form');
    // A referral with details taken at referral: the intake form shows them to confirm.
    await ada.send('POST', '/referrals', {
      groupId,
      personName: 'Rowan Example',
      personEmail: `rowan.${viewport.width}@example.org`,
      reason: 'Low mood and isolation since retiring.',
      contact: { mobilePhone: '07700 900555', preferredMethod: 'phone', preferredTimes: 'Afternoons', gpPractice: 'Riverside Surgery', gpPhone: '01632 960100' },
    });
    await page.goto(`${base}/groups/${groupId}?tab=referrals`);
    await page.getByRole('button', { name: 'Intake for Rowan Example' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Contact details (optional)' }).click();
    await page.getByRole('dialog').getByLabel('Mobile').waitFor();
    await shoot(page, 'intake-form');
  });
}

runScript('screenshots-contacts.ts', () => shootAtBothWidths('contacts', shootContactScreens));
