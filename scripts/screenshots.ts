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
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { checkA11y, hasHorizontalScroll, type A11yProblem } from '../e2e/support/a11y';
import { DEMO, DEMO_PASSWORD, signIn, signOut, submitSignIn } from '../e2e/support/app';
import { DESKTOP, PHONE, openBrowser } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';
import { totpCode } from '../e2e/support/totp';
import { shootMeasureScreens } from './screenshots-measures';
import { shootNoteTemplateScreens } from './screenshots-note-templates';
import { shootProgrammeScreens } from './screenshots-programmes';
import { shootSafetyScreens } from './screenshots-safety';

const outDir = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(repoRoot, 'screenshots'));

interface ShotReport {
  file: string;
  url: string;
  horizontalScroll: boolean;
  a11y: A11yProblem[];
}
const report: ShotReport[] = [];
let counter = 0;

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.mantine-Loader')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  // Let modal and menu transitions finish.
  await page.waitForTimeout(350);
}

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await settle(page);
  counter += 1;
  const file = `${String(counter).padStart(2, '0')}-${name}-${width}.png`;
  // A full-page shot of a scrolled page draws the fixed header halfway down: start from the top,
  // unless a menu or dialog is open (a menu hides itself once its button scrolls out of view).
  const overlays = await page.locator('[role="menu"], [role="dialog"]').filter({ visible: true }).count();
  if (overlays === 0) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(outDir, file), fullPage: true });
  const entry: ShotReport = {
    file,
    url: new URL(page.url()).pathname,
    horizontalScroll: await hasHorizontalScroll(page),
    a11y: await checkA11y(page),
  };
  report.push(entry);
  const problems = [entry.horizontalScroll ? 'HORIZONTAL SCROLL' : '', ...entry.a11y.map((p) => `${p.rule} (${p.impact}): ${p.targets.slice(0, 3).join(', ')}`)].filter(Boolean);
  console.log(`${file}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
}

async function shootWidth(viewport: { width: number; height: number }): Promise<void> {
  const w = viewport.width;
  const server = await startServer();
  const base = server.baseUrl;
  try {
    // Public pages and the admin's first sign-in (MFA offer).
    let b = await openBrowser(viewport);
    let page = b.page;
    await page.goto(`${base}/sign-in`);
    await shoot(page, 'sign-in', w);
    await submitSignIn(page, DEMO.admin, 'not-the-password');
    await page.getByRole('alert').first().waitFor();
    await shoot(page, 'sign-in-wrong-password', w);

    await signIn(page, base, DEMO.admin, { keepOffer: true });
    await shoot(page, 'mfa-offer', w);
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.getByTestId('mfa-secret').waitFor();
    await shoot(page, 'mfa-setup', w);
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.locator('header').getByRole('button', { name: 'Sign out' }).waitFor();
    await shoot(page, 'admin-home', w);
    if (w < 768) {
      await page.getByRole('button', { name: 'Open menu' }).click();
      await shoot(page, 'admin-menu-open', w);
      await page.getByRole('link', { name: 'People', exact: true }).click();
    } else {
      await page.goto(`${base}/admin/users`);
    }
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await shoot(page, 'admin-users', w);

    await page.getByRole('button', { name: 'Invite someone' }).click();
    await shoot(page, 'admin-invite-form', w);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Full name').fill('Robin Example');
    await dialog.getByLabel('E-mail').fill(`robin.${w}@example.org`);
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByTestId('invite-url').waitFor();
    await shoot(page, 'admin-invite-link', w);
    const inviteUrl = await page.getByTestId('invite-url').inputValue();
    await dialog.getByRole('button', { name: 'Done' }).click();

    const actions = page
      .getByRole('button', { name: /Actions for .*Ada/ })
      .filter({ visible: true })
      .first();
    await actions.click();
    await shoot(page, 'admin-user-actions', w);
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    await shoot(page, 'admin-confirm-deactivate', w);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await page.goto(`${base}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await shoot(page, 'admin-audit', w);
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await shoot(page, 'admin-account', w);
    await page.goto(`${base}/no-such-page`);
    await shoot(page, 'not-found', w);
    await b.close();

    // The invitation link, opened by the invited person.
    b = await openBrowser(viewport);
    page = b.page;
    await page.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, base));
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    await shoot(page, 'invite-set-password', w);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await shoot(page, 'invite-too-short', w);
    await page.getByLabel('New password').fill('a quiet walk by the river');
    await page.getByLabel('Type the password again').fill('a quiet walk by the river');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('heading', { name: 'Your password is set' }).waitFor();
    await shoot(page, 'invite-done', w);
    await page.goto('about:blank');
    await page.goto(`${base}/invite#token=${'x'.repeat(30)}`);
    await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    await shoot(page, 'invite-invalid', w);
    await b.close();

    // Clinician: enrol in MFA from the offer, then sign in again with a code.
    b = await openBrowser(viewport);
    page = b.page;
    await signIn(page, base, DEMO.clinician2, { keepOffer: true });
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s+/g, '');
    await page.getByLabel('6-digit code').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await shoot(page, 'mfa-recovery-codes', w);
    const recovery = (await page.getByTestId('recovery-codes').locator('li').first().innerText()).trim();
    await page.getByLabel('I have saved these codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await shoot(page, 'clinician-home', w);
    await signOut(page);
    await submitSignIn(page, DEMO.clinician2, DEMO_PASSWORD);
    await page.getByRole('heading', { name: "Check it's you" }).waitFor();
    await shoot(page, 'sign-in-mfa-code', w);
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await shoot(page, 'sign-in-recovery-code', w);
    await page.getByLabel('Recovery code').fill(recovery);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('header').getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await shoot(page, 'clinician-account-mfa-on', w);
    await b.close();

    // Clinician with groups: home, referring, the group's tabs, a session, a record.
    b = await openBrowser(viewport);
    page = b.page;
    await signIn(page, base, DEMO.clinician);
    const newcomerInvite = await shootClinicianWork(page, w);
    await b.close();

    // The referred person: set-password link, first sign-in, the group agreement.
    b = await openBrowser(viewport);
    page = b.page;
    await shootNewcomer(page, base, newcomerInvite, w);
    await b.close();

    // Participant.
    b = await openBrowser(viewport);
    page = b.page;
    await signIn(page, base, DEMO.participant);
    await page.getByRole('heading', { name: 'Your next sessions' }).waitFor();
    await shoot(page, 'participant-home', w);
    await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
    await page.getByRole('heading', { name: 'Facilitators' }).waitFor();
    await shoot(page, 'participant-group', w);
    await page.getByRole('region', { name: 'Coming up' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: "What we'll do" }).waitFor();
    await shoot(page, 'participant-session', w);
    await page.goto(`${base}/upcoming`);
    await page.getByRole('heading', { name: 'Upcoming sessions', level: 1 }).waitFor();
    await shoot(page, 'participant-upcoming', w);
    await page.getByRole('button', { name: 'Make a calendar link' }).click();
    await page.getByTestId('calendar-url').waitFor();
    await shoot(page, 'participant-calendar-link', w);
    // Discreet by default; the member chooses to show the place.
    await page.getByRole('checkbox', { name: 'Show where the session is (its address)' }).check();
    await page.getByRole('checkbox', { name: 'Show where the session is (its address)', checked: true }).waitFor();
    await shoot(page, 'participant-calendar-privacy', w);
    await page.goto(`${base}/notifications`);
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await shoot(page, 'participant-notifications', w);
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await shoot(page, 'participant-account', w);
    await page.goto(`${base}/admin/users`);
    await shoot(page, 'participant-admin-denied', w);
    await b.close();

    // Questionnaires, the safety screen, alerts, trajectories, outcomes, settings.
    await shootMeasureScreens(base, viewport, (p, name) => shoot(p, name, w));
    // Moderation queue, risk alert context, safety plans, group moderation, watched phrases.
    await shootSafetyScreens(base, viewport, (p, name) => shoot(p, name, w));
    // Programmes and groups made on screen (admin).
    await shootProgrammeScreens(base, viewport, (p, name) => shoot(p, name, w));
    // Note templates: the lead clinician's programme screen and a note drafted under SOAP.
    await shootNoteTemplateScreens(base, viewport, (p, name) => shoot(p, name, w));
  } catch (error) {
    console.error(server.output().split('\n').slice(-30).join('\n'));
    throw error;
  } finally {
    await server.stop();
  }
}

/** The open modal. */
function inDialog(page: Page) {
  return page.getByRole('dialog');
}

/** Ada's working screens; returns the set-password link of the person she enrols. */
async function shootClinicianWork(page: Page, w: number): Promise<string> {
  await page.getByRole('heading', { name: 'My referrals' }).waitFor();
  await shoot(page, 'clinician-groups', w);
  await page.getByRole('button', { name: 'Refer someone' }).click();
  const dialog = inDialog(page);
  await dialog.getByLabel("Person's full name").fill('Robin Ash');
  await dialog.getByLabel('Their e-mail').fill(`robin.ash.${w}@example.org`);
  await dialog.getByLabel('Reason for referral').fill('Low mood and isolation after moving; would value peer support.');
  await shoot(page, 'clinician-refer-form', w);
  await dialog.getByRole('button', { name: 'Send referral' }).click();
  await page.getByRole('status').waitFor();
  await shoot(page, 'clinician-referred', w);

  const tab = async (name: string) => {
    await page.getByRole('tab', { name }).click();
    await page.getByRole('tabpanel', { name }).waitFor();
  };
  await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
  await page.getByRole('heading', { name: 'When and where' }).waitFor();
  await shoot(page, 'clinician-group', w);
  await tab('Members');
  await shoot(page, 'clinician-group-members', w);
  await page.getByRole('button', { name: 'Change membership of Willow' }).filter({ visible: true }).click();
  await page.getByRole('menuitem', { name: 'Pause membership' }).click();
  await shoot(page, 'clinician-member-pause', w);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await tab('Waitlist & referrals');
  await shoot(page, 'clinician-group-waitlist', w);
  await page.getByRole('button', { name: 'Intake for Robin Ash' }).click();
  await dialog.getByLabel('Yes, add to the waitlist').check();
  await dialog.getByLabel('Screening notes').fill('Suitable; no current risk indicators.');
  await shoot(page, 'clinician-intake', w);
  await dialog.getByRole('button', { name: 'Save intake' }).click();
  await page.getByRole('button', { name: 'Offer a place to Robin Ash' }).click();
  await dialog.getByRole('button', { name: 'Offer the place' }).click();
  await dialog.getByText('Someone is ahead on the waitlist').waitFor();
  await shoot(page, 'clinician-offer-out-of-order', w);
  await dialog.getByLabel('Reason for offering out of order').fill('Sam Okoro asked to wait for the spring group.');
  await dialog.getByRole('button', { name: 'Offer the place' }).click();
  await page.getByRole('button', { name: 'Record answer from Robin Ash' }).click();
  await dialog.getByLabel('Yes, they accepted').check();
  await dialog.getByLabel('Name in the group').fill('Rowan');
  await shoot(page, 'clinician-offer-answer', w);
  await dialog.getByRole('button', { name: 'Record answer' }).click();
  await page.getByTestId('invite-url').waitFor();
  await shoot(page, 'clinician-offer-invite-link', w);
  const inviteUrl = await page.getByTestId('invite-url').inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await tab('Schedule');
  await shoot(page, 'clinician-group-schedule', w);
  await page.getByLabel('Tuesday').uncheck();
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await shoot(page, 'clinician-schedule-invalid', w);
  await page.getByLabel('Tuesday').check();
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await page.getByText('Schedule saved.', { exact: false }).waitFor();
  await shoot(page, 'clinician-schedule-saved', w);

  await tab('Sessions');
  await page
    .getByRole('button', { name: /^Move session/ })
    .filter({ visible: true })
    .first()
    .waitFor();
  await shoot(page, 'clinician-group-sessions', w);
  await page
    .getByRole('button', { name: /^Move session/ })
    .filter({ visible: true })
    .first()
    .click();
  await shoot(page, 'clinician-session-move', w);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('button', { name: /^Cancel session/ })
    .filter({ visible: true })
    .nth(1)
    .click();
  await dialog.getByLabel('Reason').fill('Facilitator unwell. Sorry for the short notice: see you the week after.');
  await shoot(page, 'clinician-session-cancel', w);
  await dialog.getByRole('button', { name: 'Cancel session' }).click();
  await page.getByRole('status').waitFor();
  await page.getByText('Past', { exact: true }).click();
  await page
    .getByRole('link', { name: /24 November|November/ })
    .first()
    .waitFor();
  await shoot(page, 'clinician-group-past-sessions', w);
  await tab('Settings');
  await page.getByLabel('Meeting link').fill('http://meet.example.org/tuesday');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await shoot(page, 'clinician-group-settings-error', w);
  await tab('Exports');
  await shoot(page, 'clinician-group-exports', w);

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
  await shoot(page, 'clinician-session', w);
  await page.getByRole('button', { name: 'Change attendance' }).click();
  await page
    .getByRole('group', { name: /^Harbour/ })
    .getByLabel('Attendance')
    .selectOption('late');
  await page
    .getByRole('group', { name: /^Harbour/ })
    .getByLabel('Minutes late')
    .fill('10');
  await shoot(page, 'clinician-attendance-grid', w);
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await page.getByRole('status').getByText('Attendance saved').waitFor();
  await page.getByRole('textbox', { name: 'Themes', exact: true }).fill('Boundaries at work and at home.');
  await page.getByRole('textbox', { name: 'Harbour (Jonah Reyes)', exact: true }).fill('Harbour practised a kind "no".');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('status').getByText('Draft saved').waitFor();
  await shoot(page, 'clinician-note-draft', w);
  await page.getByRole('button', { name: 'Sign…' }).click();
  await shoot(page, 'clinician-note-sign', w);
  await inDialog(page).getByRole('button', { name: 'Sign note' }).click();
  await page.getByText('Signed by', { exact: false }).first().waitFor();
  await page.getByText('Version history').click();
  await page.getByText(/^Version 2: /).waitFor();
  await shoot(page, 'clinician-note-signed', w);

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
  await shoot(page, 'clinician-note-conflict', w);

  await page.goto(`${origin}/`);
  await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
  await tab('Members');
  await page.getByRole('link', { name: 'Record of Harbour' }).filter({ visible: true }).click();
  await page.getByRole('heading', { name: 'Referral' }).waitFor();
  await shoot(page, 'clinician-record', w);
  await page.goto(`${origin}/upcoming`);
  await page.getByRole('heading', { name: 'Upcoming sessions', level: 1 }).waitFor();
  await shoot(page, 'clinician-upcoming', w);
  return inviteUrl;
}

/** The enrolled person: sets a password, signs in, accepts the group agreement. */
async function shootNewcomer(page: Page, base: string, inviteUrl: string, w: number): Promise<void> {
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
  await shoot(page, 'newcomer-home', w);
  await page.getByRole('link', { name: 'Read and accept the agreement' }).click();
  await page.getByRole('heading', { name: 'Your group agreement' }).waitFor();
  await shoot(page, 'newcomer-agreement', w);
  await page.getByRole('button', { name: 'Accept the agreement' }).click();
  await shoot(page, 'newcomer-agreement-unticked', w);
  await page.getByLabel('I have read and agree').check();
  await page.getByRole('button', { name: 'Accept the agreement' }).click();
  await page.getByText('You have accepted the group agreement', { exact: false }).waitFor();
  await shoot(page, 'newcomer-agreement-accepted', w);
}

async function main(): Promise<void> {
  if (!process.env.SKIP_BUILD) {
    await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  }
  await mkdir(outDir, { recursive: true });
  for (const viewport of [DESKTOP, PHONE]) await shootWidth(viewport);
  await writeFile(path.join(outDir, 'report.json'), JSON.stringify(report, null, 2));
  const flagged = report.filter((r) => r.horizontalScroll || r.a11y.length > 0);
  console.log(`\n${report.length} screenshots in ${outDir}; ${flagged.length} with findings.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
