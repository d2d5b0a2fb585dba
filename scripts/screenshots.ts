/**
 * Screenshots of every screen of the web shell, for each role, at 1280 px and 375 px wide.
 *
 *   npx tsx scripts/screenshots.ts            # builds dist/web, then shoots into ./screenshots
 *   SKIP_BUILD=1 npx tsx scripts/screenshots.ts
 *
 * Each width gets its own server and fresh database (demo data seeded). Every screen is also
 * checked with axe-core (WCAG 2.1 AA) and for horizontal scrolling; findings are printed and
 * written to screenshots/report.json.
 */
import type { Page } from 'playwright-core';
import { DEMO, DEMO_PASSWORD, signIn, signOut, submitSignIn } from '../e2e/support/app';
import { fillRobinAshReferral, screenAndOfferOutOfOrder } from '../e2e/support/referrals';
import { totpCode } from '../e2e/support/totp';
import { shootMeasureScreens } from './screenshots-measures';
import { shootNoteTemplateScreens } from './screenshots-note-templates';
import { shootProgrammeScreens } from './screenshots-programmes';
import { shootSafetyScreens } from './screenshots-safety';
import { inBrowser, runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';

async function shootAllScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  const w = viewport.width;
  // Public pages and the admin's first sign-in (MFA offer).
  const inviteUrl = await inBrowser(viewport, async (page) => {
    await page.goto(`${base}/sign-in`);
    await shoot(page, 'sign-in');
    await submitSignIn(page, DEMO.admin, 'not-the-password');
    await page.getByRole('alert').first().waitFor();
    await shoot(page, 'sign-in-wrong-password');

    await signIn(page, base, DEMO.admin, { keepOffer: true });
    await shoot(page, 'mfa-offer');
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.getByTestId('mfa-secret').waitFor();
    await shoot(page, 'mfa-setup');
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.locator('header').getByRole('button', { name: 'Sign out' }).waitFor();
    await shoot(page, 'admin-home');
    if (w < 768) {
      await page.getByRole('button', { name: 'Open menu' }).click();
      await shoot(page, 'admin-menu-open');
      await page.getByRole('link', { name: 'People', exact: true }).click();
    } else {
      await page.goto(`${base}/admin/users`);
    }
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await shoot(page, 'admin-users');

    await page.getByRole('button', { name: 'Invite someone' }).click();
    await shoot(page, 'admin-invite-form');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Full name').fill('Robin Example');
    await dialog.getByLabel('E-mail').fill(`robin.${w}@example.org`);
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByTestId('invite-url').waitFor();
    await shoot(page, 'admin-invite-link');
    const inviteUrl = await page.getByTestId('invite-url').inputValue();
    await dialog.getByRole('button', { name: 'Done' }).click();

    const actions = page
      .getByRole('button', { name: /Actions for .*Ada/ })
      .filter({ visible: true })
      .first();
    await actions.click();
    await shoot(page, 'admin-user-actions');
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    await shoot(page, 'admin-confirm-deactivate');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await page.goto(`${base}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await shoot(page, 'admin-audit');
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await shoot(page, 'admin-account');
    await page.goto(`${base}/no-such-page`);
    await shoot(page, 'not-found');
    return inviteUrl;
  });

  // The invitation link, opened by the invited person.
  await inBrowser(viewport, async (page) => {
    await page.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, base));
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    await shoot(page, 'invite-set-password');
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await shoot(page, 'invite-too-short');
    await page.getByLabel('New password').fill('a quiet walk by the river');
    await page.getByLabel('Type the password again').fill('a quiet walk by the river');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('heading', { name: 'Your password is set' }).waitFor();
    await shoot(page, 'invite-done');
    await page.goto('about:blank');
    await page.goto(`${base}/invite#token=${'x'.repeat(30)}`);
    await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    await shoot(page, 'invite-invalid');
  });

  // Clinician: enrol in MFA from the offer, then sign in again with a code.
  await signedIn(
    base,
    viewport,
    DEMO.clinician2,
    async (page) => {
      await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
      const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s+/g, '');
      await page.getByLabel('6-digit code').fill(await totpCode(secret));
      await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      await shoot(page, 'mfa-recovery-codes');
      const recovery = (await page.getByTestId('recovery-codes').locator('li').first().innerText()).trim();
      await page.getByLabel('I have saved these codes').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await shoot(page, 'clinician-home');
      await signOut(page);
      await submitSignIn(page, DEMO.clinician2, DEMO_PASSWORD);
      await page.getByRole('heading', { name: "Check it's you" }).waitFor();
      await shoot(page, 'sign-in-mfa-code');
      await page.getByRole('button', { name: 'Use a recovery code' }).click();
      await shoot(page, 'sign-in-recovery-code');
      await page.getByLabel('Recovery code').fill(recovery);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('header').getByRole('button', { name: 'Sign out' }).waitFor();
      await page.goto(`${base}/account`);
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      await shoot(page, 'clinician-account-mfa-on');
    },
    { keepOffer: true },
  );

  // Clinician with groups: home, referring, the group's tabs, a session, a record.
  const newcomerInvite = await signedIn(base, viewport, DEMO.clinician, (page) => shootClinicianWork(page, w, shoot));

  // The referred person: set-password link, first sign-in, the group agreement.
  await inBrowser(viewport, (page) => shootNewcomer(page, base, newcomerInvite, shoot));

  // Participant.
  await signedIn(base, viewport, DEMO.participant, async (page) => {
    await shootParticipantHome(page, shoot);
    await page.getByRole('region', { name: 'Coming up' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: "What we'll do" }).waitFor();
    await shoot(page, 'participant-session');
    await page.goto(`${base}/upcoming`);
    await page.getByRole('heading', { name: 'Upcoming sessions', level: 1 }).waitFor();
    await shoot(page, 'participant-upcoming');
    await page.getByRole('button', { name: 'Make a calendar link' }).click();
    await page.getByTestId('calendar-url').waitFor();
    await shoot(page, 'participant-calendar-link');
    // Discreet by default; the member chooses to show the place.
    await page.getByRole('checkbox', { name: 'Show where the session is (its address)' }).check();
    await page.getByRole('checkbox', { name: 'Show where the session is (its address)', checked: true }).waitFor();
    await shoot(page, 'participant-calendar-privacy');
    await page.goto(`${base}/notifications`);
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await shoot(page, 'participant-notifications');
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await shoot(page, 'participant-account');
    await page.goto(`${base}/admin/users`);
    await shoot(page, 'participant-admin-denied');
  });

  // Questionnaires, the safety screen, alerts, trajectories, outcomes, settings.
  await shootMeasureScreens(base, viewport, shoot);
  // Moderation queue, risk alert context, safety plans, group moderation, watched phrases.
  await shootSafetyScreens(base, viewport, shoot);
  // Programmes and groups made on screen (admin).
  await shootProgrammeScreens(base, viewport, shoot);
}

/** A signed-in participant's home, then their group's page. */
export async function shootParticipantHome(page: Page, shoot: Shoot): Promise<void> {
  await page.getByRole('heading', { name: 'Your next sessions' }).waitFor();
  await shoot(page, 'participant-home');
  await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
  await page.getByRole('heading', { name: 'Facilitators' }).waitFor();
  await shoot(page, 'participant-group');
}

/** The open modal. */
function inDialog(page: Page) {
  return page.getByRole('dialog');
}

/** Ada's working screens; returns the set-password link of the person she enrols. */
async function shootClinicianWork(page: Page, w: number, shoot: Shoot): Promise<string> {
  await page.getByRole('heading', { name: 'My referrals' }).waitFor();
  await shoot(page, 'clinician-groups');
  const dialog = await fillRobinAshReferral(page, `robin.ash.${w}@example.org`);
  await shoot(page, 'clinician-refer-form');
  await dialog.getByRole('button', { name: 'Send referral' }).click();
  await page.getByRole('status').waitFor();
  await shoot(page, 'clinician-referred');

  const tab = async (name: string) => {
    await page.getByRole('tab', { name }).click();
    await page.getByRole('tabpanel', { name }).waitFor();
  };
  await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
  await page.getByRole('heading', { name: 'When and where' }).waitFor();
  await shoot(page, 'clinician-group');
  await tab('Members');
  await shoot(page, 'clinician-group-members');
  await page.getByRole('button', { name: 'Change membership of Willow' }).filter({ visible: true }).click();
  await page.getByRole('menuitem', { name: 'Pause membership' }).click();
  await shoot(page, 'clinician-member-pause');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await tab('Waitlist & referrals');
  await shoot(page, 'clinician-group-waitlist');
  await screenAndOfferOutOfOrder(page, 'Sam Okoro asked to wait for the spring group.', (step) => shoot(page, `clinician-${step}`));
  await page.getByRole('button', { name: 'Record answer from Robin Ash' }).click();
  await dialog.getByLabel('Yes, they accepted').check();
  await dialog.getByLabel('Name in the group').fill('Rowan');
  await shoot(page, 'clinician-offer-answer');
  await dialog.getByRole('button', { name: 'Record answer' }).click();
  await page.getByTestId('invite-url').waitFor();
  await shoot(page, 'clinician-offer-invite-link');
  const inviteUrl = await page.getByTestId('invite-url').inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await tab('Schedule');
  await shoot(page, 'clinician-group-schedule');
  await page.getByLabel('Tuesday').uncheck();
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await shoot(page, 'clinician-schedule-invalid');
  await page.getByLabel('Tuesday').check();
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await page.getByText('Schedule saved.', { exact: false }).waitFor();
  await shoot(page, 'clinician-schedule-saved');

  await tab('Sessions');
  await page
    .getByRole('button', { name: /^Move session/ })
    .filter({ visible: true })
    .first()
    .waitFor();
  await shoot(page, 'clinician-group-sessions');
  await page
    .getByRole('button', { name: /^Move session/ })
    .filter({ visible: true })
    .first()
    .click();
  await shoot(page, 'clinician-session-move');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('button', { name: /^Cancel session/ })
    .filter({ visible: true })
    .nth(1)
    .click();
  await dialog.getByLabel('Reason').fill('Facilitator unwell. Sorry for the short notice: see you the week after.');
  await shoot(page, 'clinician-session-cancel');
  await dialog.getByRole('button', { name: 'Cancel session' }).click();
  await page.getByRole('status').waitFor();
  await page.getByText('Past', { exact: true }).click();
  await page
    .getByRole('link', { name: /24 November|November/ })
    .first()
    .waitFor();
  await shoot(page, 'clinician-group-past-sessions');
  await tab('Settings');
  await page.getByLabel('Meeting link').fill('http://meet.example.org/tuesday');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await shoot(page, 'clinician-group-settings-error');
  await tab('Exports');
  await shoot(page, 'clinician-group-exports');

  // Session 7: attendance taken, no note yet.
  const sessionLink = async (n: number) => {
    await tab('Sessions');
    await page.getByText('Past', { exact: true }).click();
    // A table on wide screens, cards ("Session 7 · Boundaries") on phones.
    const row =
      w >= 768
        ? page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) })
        : page.getByRole('listitem').filter({ hasText: `Session ${n} ·` });
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Session ${n}:`) }).waitFor();
  };
  await sessionLink(7);
  await shoot(page, 'clinician-session');
  await page.getByRole('button', { name: 'Change attendance' }).click();
  await page
    .getByRole('group', { name: /^Harbour/ })
    .getByLabel('Attendance')
    .selectOption('late');
  await page
    .getByRole('group', { name: /^Harbour/ })
    .getByLabel('Minutes late')
    .fill('10');
  await shoot(page, 'clinician-attendance-grid');
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await page.getByRole('status').getByText('Attendance saved').waitFor();
  await page.getByRole('textbox', { name: 'Themes', exact: true }).fill('Boundaries at work and at home.');
  await page.getByRole('textbox', { name: 'Harbour (Jonah Reyes)', exact: true }).fill('Harbour practised a kind "no".');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('status').getByText('Draft saved').waitFor();
  await shoot(page, 'clinician-note-draft');
  // A note is signed only when complete (since 181dc3e): "Sign…" first lists what is still to write.
  await page.getByRole('button', { name: 'Sign…' }).click();
  const stillToWrite = page.getByRole('list', { name: 'Still to write' });
  await stillToWrite.waitFor();
  await shoot(page, 'clinician-note-incomplete');
  await page.getByRole('textbox', { name: 'Interventions', exact: true }).fill('Role-play of a kind "no"; the boundary scale.');
  await page.getByRole('textbox', { name: 'Group process', exact: true }).fill('Engaged throughout; quieter members joined in the pairs.');
  // The other attendees were there without taking part: said explicitly, as the e2e test does.
  const quiet = page.getByRole('button', { name: / did not contribute$/ });
  while ((await quiet.count()) > 0) await quiet.first().click();
  await stillToWrite.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Sign…' }).click();
  await inDialog(page).getByRole('button', { name: 'Sign note' }).waitFor();
  await shoot(page, 'clinician-note-sign');
  await inDialog(page).getByRole('button', { name: 'Sign note' }).click();
  await page.getByText('Signed by', { exact: false }).first().waitFor();
  await page.getByText('Version history').click();
  // The unsaved changes are saved as a draft first, so the signed version is not always number 2.
  await page.getByText(/^Version \d+: Signed by /).waitFor();
  await shoot(page, 'clinician-note-signed');

  // Session 6: a draft someone else saves meanwhile (here: a save through the API).
  await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
  await sessionLink(6);
  const origin = new URL(page.url()).origin;
  const me = (await (await page.request.get(`${origin}/api/me`)).json()) as { csrfToken: string };
  const sessionId = new URL(page.url()).pathname.split('/').pop();
  const current = (await (await page.request.get(`${origin}/api/group-sessions/${sessionId}/note`)).json()) as { note: { version: number } };
  await page.request.put(`${origin}/api/group-sessions/${sessionId}/note`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { baseVersion: current.note.version, themes: 'Ben: members mapped a recent disagreement.', interventions: '', groupProcess: '', members: [] },
  });
  await page.getByRole('textbox', { name: 'Themes', exact: true }).fill('Ada: conflict at home came up most.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('Someone else saved this note while you were editing').waitFor();
  await shoot(page, 'clinician-note-conflict');

  await page.goto(`${origin}/`);
  await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
  await tab('Members');
  await page.getByRole('link', { name: 'Record of Harbour' }).filter({ visible: true }).click();
  await page.getByRole('heading', { name: 'Referral' }).waitFor();
  await shoot(page, 'clinician-record');
  await page.goto(`${origin}/upcoming`);
  await page.getByRole('heading', { name: 'Upcoming sessions', level: 1 }).waitFor();
  await shoot(page, 'clinician-upcoming');
  return inviteUrl;
}

/** The enrolled person: sets a password, signs in, accepts the group agreement. */
async function shootNewcomer(page: Page, base: string, inviteUrl: string, shoot: Shoot): Promise<void> {
  await page.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, base));
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  const password = 'kettle on and the kitchen window open';
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Type the password again').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.getByRole('heading', { name: 'Your password is set' }).waitFor();
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Accept your group agreement').waitFor();
  await shoot(page, 'newcomer-home');
  await page.getByRole('link', { name: 'Read and accept the agreement' }).click();
  await page.getByRole('heading', { name: 'Your group agreement' }).waitFor();
  await shoot(page, 'newcomer-agreement');
  await page.getByRole('button', { name: 'Accept the agreement' }).click();
  await shoot(page, 'newcomer-agreement-unticked');
  await page.getByLabel('I have read and agree').check();
  await page.getByRole('button', { name: 'Accept the agreement' }).click();
  await page.getByText('You have accepted the group agreement', { exact: false }).waitFor();
  await shoot(page, 'newcomer-agreement-accepted');
}

runScript('screenshots.ts', async () => {
  const records = await shootAtBothWidths('', shootAllScreens, { numbered: true, report: true });
  // Note templates: the lead clinician's programme screen and a note drafted under SOAP. That note
  // needs a held session without one, and the screens above sign the demo's last: a server of their own.
  return [...records, ...(await shootAtBothWidths('note-templates', shootNoteTemplateScreens, { numbered: true }))];
});
