/**
 * Programme and group screens for scripts/screenshots.ts: the admin's programmes-and-groups list,
 * a new programme (empty, with errors, filled), the programme editor with two agreement versions,
 * a new group (errors, filled with its schedule), the new group's sessions planned from that schedule, a
 * clinician's new group with the schedule left for later, and a capacity below the members
 * refused on a group's settings. Standalone, both widths:
 *   SKIP_BUILD=1 npx tsx scripts/screenshots-programmes.ts   (writes ./screenshots/programmes-*.png;
 *   SCREENSHOT_DIR to write elsewhere)
 */
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';
import { DEMO } from '../e2e/support/app';
import { fillWeeklySchedule, thursdayNextWeek } from '../e2e/support/groups';
import { WINTER_AGREEMENT, fillWinterProgramme } from '../e2e/support/programmes';

export async function shootProgrammeScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  await signedIn(base, viewport, DEMO.admin, async (page) => {
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

    await fillWinterProgramme(page);
    await shoot(page, 'programme-new-filled');
    await page.getByRole('button', { name: 'Create programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connecting in winter' }).waitFor();
    await shoot(page, 'programme-created');

    await page.getByLabel(/^Agreement text/).fill(`${WINTER_AGREEMENT} We tell a facilitator if we cannot come.`);
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
  });
  // A clinician's new group: they lead it, no staff list.
  await signedIn(base, viewport, DEMO.clinician, async (page) => {
    await page.goto(`${base}/groups/new`);
    await page.getByText('You will lead this group.', { exact: false }).waitFor();
    await shoot(page, 'group-new-clinician');
    await page.getByLabel('Later, on the group’s Schedule tab').check();
    await shoot(page, 'group-new-clinician-schedule-later');
  });
}

runScript('screenshots-programmes.ts', () => shootAtBothWidths('programmes', shootProgrammeScreens, { numbered: true }));
