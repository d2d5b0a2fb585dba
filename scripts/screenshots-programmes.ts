/**
 * Programme and group screens for scripts/screenshots.ts: the admin's programmes-and-groups list,
 * a new programme (empty, with errors, filled), the programme editor with two agreement versions,
 * a new group (errors, filled with its schedule), the new group's sessions planned from that schedule, a
 * clinician's new group with the schedule left for later, and a capacity below the members
 * refused on a group's settings. Standalone, both widths:
 *   SKIP_BUILD=1 npx tsx scripts/screenshots-programmes.ts   (writes ./screenshots/programmes-*.png;
 *   SCREENSHOT_DIR to write elsewhere)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { saveShot } from '../e2e/support/shots';
import { DEMO, signIn } from '../e2e/support/app';
import { DESKTOP, openBrowser, PHONE } from '../e2e/support/browser';
import { fillWeeklySchedule, thursdayNextWeek } from '../e2e/support/groups';
import { repoRoot, startServer } from '../e2e/support/server';

type Shoot = (page: Page, name: string) => Promise<void>;

const AGREEMENT = 'We keep what others share inside the group, arrive on time, and speak for ourselves rather than for others.';

export async function shootProgrammeScreens(base: string, viewport: { width: number; height: number }, shoot: Shoot): Promise<void> {
  const b = await openBrowser(viewport);
  const page = b.page;
  try {
    await signIn(page, base, DEMO.admin);
    await page.goto(`${base}/admin/programmes`);
    await page.getByRole('heading', { level: 1, name: 'Programmes and groups' }).waitFor();
    await page.getByRole('link', { name: 'Tuesday evening group' }).waitFor();
    await shoot(page, 'programmes-list');

    await page.getByRole('link', { name: 'New programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'New programme' }).waitFor();
    await shoot(page, 'programme-new');
    await page.getByRole('button', { name: 'Create programme' }).click();
    await page.getByText('Give the programme a name.').waitFor();
    await page.getByLabel('Agreement text').fill('Too short.');
    await shoot(page, 'programme-new-errors');

    await page.getByLabel('Programme name').fill('Connecting in winter');
    await page.getByLabel('Description').fill('Two sessions on reaching out when the days are short.');
    await page.getByLabel('Session 1 topic').fill('Noticing isolation');
    await page.getByLabel('Session 1 skill focus').fill('Self-monitoring');
    await page.getByLabel('Session 1 exercises').fill('Map your week\nOne small contact');
    await page.getByRole('button', { name: 'Add a session' }).click();
    await page.getByLabel('Session 2 topic').fill('Reaching out');
    await page.getByLabel('Session 2 skill focus').fill('Making a request');
    await page.getByLabel('Session 2 exercises').fill('Role-play an invitation');
    await page.getByLabel('Session 2 reflection prompts').fill('Who could you call this week?');
    await page.getByLabel('Agreement text').fill(AGREEMENT);
    await shoot(page, 'programme-new-filled');
    await page.getByRole('button', { name: 'Create programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connecting in winter' }).waitFor();
    await shoot(page, 'programme-created');

    await page.getByLabel(/^Agreement text/).fill(`${AGREEMENT} We tell a facilitator if we cannot come.`);
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByText('Version 2 published.', { exact: false }).waitFor();
    await page.getByText('Version 1', { exact: true }).click();
    await shoot(page, 'programme-agreement-versions');

    await page.goto(`${base}/groups/new`);
    await page.getByRole('heading', { level: 1, name: 'New group' }).waitFor();
    await page.getByLabel('Lead facilitator').waitFor();
    await shoot(page, 'group-new');
    await page.getByLabel('Meeting link').fill('http://meet.example.org/winter');
    await page.getByLabel('Minimum size').fill('20');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByText('Choose the lead facilitator.').waitFor();
    await shoot(page, 'group-new-errors');
    await page.getByLabel('Programme').selectOption({ label: 'Connecting in winter (2 sessions)' });
    await page.getByLabel('Group name').fill('Winter Thursday group');
    await page.getByLabel('Capacity').fill('8');
    await page.getByLabel('Minimum size').fill('3');
    await page.getByLabel('Lead facilitator').selectOption({ label: 'Dr Ada Okafor' });
    await page.getByLabel('Ben Lindqvist').check();
    await page.getByLabel('Meeting link').fill('https://meet.example.org/winter');
    await page.getByLabel('Room or place').fill('Room 3, Willow House');
    await fillWeeklySchedule(page, { day: 'Thursday', date: thursdayNextWeek(), time: '18:30', sessions: 2, minutes: 75 });
    await page.getByText(/^Every Thursday at 18:30/).waitFor();
    await shoot(page, 'group-new-filled');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { level: 1, name: 'Winter Thursday group' }).waitFor();
    await page.getByRole('tabpanel', { name: 'Sessions' }).locator('text=Reaching out >> visible=true').first().waitFor();
    await shoot(page, 'group-created-sessions');

    await page.goto(`${base}/admin/programmes`);
    await page.getByRole('link', { name: 'Winter Thursday group' }).waitFor();
    await shoot(page, 'programmes-list-after');

    await page.getByRole('link', { name: 'Tuesday evening group' }).click();
    await page.getByLabel('Capacity').fill('2');
    await page.getByLabel('Minimum size').fill('1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('the members it has now', { exact: false }).waitFor();
    await shoot(page, 'group-capacity-below-members');
  } finally {
    await b.close();
  }
  // A clinician's new group: they lead it, no staff list.
  const c = await openBrowser(viewport);
  try {
    await signIn(c.page, base, DEMO.clinician);
    await c.page.goto(`${base}/groups/new`);
    await c.page.getByText('You will lead this group.', { exact: false }).waitFor();
    await shoot(c.page, 'group-new-clinician');
    await c.page.getByLabel('Later, on the group’s Schedule tab').check();
    await shoot(c.page, 'group-new-clinician-schedule-later');
  } finally {
    await c.close();
  }
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(repoRoot, 'screenshots'));
  await mkdir(outDir, { recursive: true });
  let findings = 0;
  for (const viewport of [DESKTOP, PHONE]) {
    const server = await startServer();
    let n = 0;
    try {
      await shootProgrammeScreens(server.baseUrl, viewport, async (page, name) => {
        await page.waitForLoadState('networkidle').catch(() => undefined);
        await page.waitForTimeout(300);
        // A full-page shot of a scrolled page draws the fixed header halfway down.
        await page.evaluate(() => window.scrollTo(0, 0));
        n += 1;
        const file = path.join(outDir, `programmes-${String(n).padStart(2, '0')}-${name}-${viewport.width}.png`);
        const problems = await saveShot(page, file);
        findings += problems.length ? 1 : 0;
      });
    } finally {
      await server.stop();
    }
  }
  console.log(`${findings} screen(s) with findings.`);
}

if (process.argv[1]?.endsWith('screenshots-programmes.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
