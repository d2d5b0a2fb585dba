import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { apiSession } from './support/api';
import { DEMO } from './support/app';
import { fillWeeklySchedule, thursdayNextWeek } from './support/groups';
import { useHearth } from './support/hearth';
import { WINTER_AGREEMENT, fillWinterProgramme } from './support/programmes';

const hearth = useHearth();

describe('programmes and groups on screen', () => {
  it('an admin creates a programme with two sessions and a group, and sees both listed', async () => {
    const { page } = await hearth.signedIn(DEMO.admin);

    // The way in from the overview.
    await page.getByRole('main').getByRole('link', { name: 'Programmes and groups' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programmes and groups' }).waitFor();
    await page.getByRole('link', { name: 'New programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'New programme' }).waitFor();
    expect(await checkA11y(page)).toEqual([]);

    // Nothing filled in: each field says what it needs, and nothing is sent.
    await page.getByRole('button', { name: 'Create programme' }).click();
    await page.getByText('Give the programme a name.').waitFor();
    await page.getByText('Give the session a topic.').waitFor();
    expect(await page.getByLabel('Session 1 exercises').getAttribute('aria-invalid')).toBe('true');
    // No session at all.
    await page.getByRole('button', { name: 'Remove session 1' }).click();
    await page.getByText('A programme needs at least one session.').waitFor();
    expect(await checkA11y(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add a session' }).click();
    await fillWinterProgramme(page);
    await page.getByRole('button', { name: 'Create programme' }).click();

    await page.getByRole('heading', { level: 1, name: 'Connecting in winter' }).waitFor();
    await page.getByRole('status').getByText('Programme created.').waitFor();
    expect(await page.getByRole('main').innerText()).toContain('2 sessions · group agreement version 1');
    expect(await page.getByLabel('Session 2 topic').inputValue()).toBe('Reaching out');
    expect(await checkA11y(page)).toEqual([]);

    // A second agreement version; both are listed.
    await page.getByLabel(/^Agreement text/).fill(`${WINTER_AGREEMENT} We tell a facilitator if we cannot come.`);
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByText('Version 2 published.', { exact: false }).waitFor();
    const versions = page.getByRole('list', { name: 'Versions' });
    await expect.poll(() => versions.getByRole('listitem').count()).toBe(2);

    // Listed with its two sessions.
    await page.getByRole('link', { name: '← Programmes and groups' }).click();
    const row = page.getByRole('row', { name: /Connecting in winter/ });
    await expect.poll(() => row.innerText()).toMatch(/2\s+Version 2/);

    // The group.
    await page.getByRole('link', { name: 'New group' }).click();
    await page.getByRole('heading', { level: 1, name: 'New group' }).waitFor();
    await page.getByLabel('Lead facilitator').waitFor();
    expect(await checkA11y(page)).toEqual([]);
    await page.getByLabel('Programme').selectOption({ label: 'Connecting in winter (2 sessions)' });
    await page.getByLabel('Group name').fill('Winter Thursday group');
    await page.getByLabel('Capacity').fill('8');
    await page.getByLabel('Minimum size').fill('3');
    await page.getByLabel('Meeting link').fill('http://meet.example.org/winter');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByText('Choose the lead facilitator.').waitFor();
    await page.getByText('Use an https:// link.').waitFor();
    await page.getByLabel('Lead facilitator').selectOption({ label: 'Dr Ada Okafor' });
    await page.getByLabel('Ben Lindqvist').check();
    await page.getByLabel('Meeting link').fill('https://meet.example.org/winter');
    await page.getByLabel('Room or place').fill('Room 3, Willow House');
    await page.getByLabel('Pre-moderation: a facilitator reads every post before the group sees it').check();
    // The schedule in the same form: no day chosen is refused before anything is sent.
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) await page.getByRole('checkbox', { name: day, exact: true }).uncheck();
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByText('Choose at least one day.').waitFor();
    const first = thursdayNextWeek();
    await fillWeeklySchedule(page, { day: 'Thursday', date: first, time: '18:30', sessions: 2, minutes: 75 });
    await page.getByText(/^Every Thursday at 18:30 \(.+\) for 75 minutes; 2 sessions, starting /).waitFor();
    expect(await checkA11y(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create group' }).click();

    // The group opens on its sessions, planned from the schedule with the programme's topics.
    await page.getByRole('heading', { level: 1, name: 'Winter Thursday group' }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('sessions');
    await page.getByRole('tabpanel', { name: 'Sessions' }).getByRole('cell', { name: 'Noticing isolation' }).waitFor();
    await page.getByRole('tabpanel', { name: 'Sessions' }).getByRole('cell', { name: 'Reaching out' }).waitFor();
    expect(await checkA11y(page)).toEqual([]);

    // Facilitators changed afterwards on the Settings tab: Ben leads, Ada no longer facilitates.
    await page.getByRole('tab', { name: 'Settings' }).click();
    const facilitators = page.getByRole('region', { name: 'Facilitators' });
    await facilitators.getByLabel('Lead facilitator').selectOption({ label: 'Ben Lindqvist' });
    await facilitators.getByRole('button', { name: 'Save facilitators' }).click();
    await facilitators.getByText('Facilitators saved.').waitFor();
    expect(await checkA11y(page)).toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: 'Programmes & groups' }).first().click();
    await page.getByRole('link', { name: 'Winter Thursday group' }).waitFor();

    // What was stored, read back over the API.
    const admin = await apiSession(hearth.baseUrl, DEMO.admin);
    const { groups } = await admin.get<{ groups: { id: string; name: string }[] }>('/groups');
    const created = groups.find((g) => g.name === 'Winter Thursday group');
    expect(created).toBeDefined();
    const detail = await admin.get<{
      capacity: number;
      minSize: number;
      location: string;
      meetingUrl: string;
      programmeName: string;
      facilitators: { displayName: string; role: string }[];
    }>(`/groups/${created?.id ?? ''}`);
    expect(detail).toMatchObject({
      capacity: 8,
      minSize: 3,
      location: 'Room 3, Willow House',
      meetingUrl: 'https://meet.example.org/winter',
      programmeName: 'Connecting in winter',
    });
    expect(detail.facilitators.map((f) => `${f.displayName}:${f.role}`).sort()).toEqual(['Ben Lindqvist:lead']);
    const moderation = await admin.get<{ moderationMode: string }>(`/groups/${created?.id ?? ''}/moderation`);
    expect(moderation.moderationMode).toBe('pre');
    const schedule = await admin.get<{ schedule: unknown }>(`/groups/${created?.id ?? ''}`);
    expect(schedule.schedule).toEqual({ rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=2', firstSessionLocal: `${first}T18:30`, timezone: 'Europe/London', durationMinutes: 75 });
    const { sessions } = await admin.get<{ sessions: { startsAt: string; topic: string }[] }>(`/groups/${created?.id ?? ''}/sessions`);
    expect(sessions.map((x) => x.topic)).toEqual(['Noticing isolation', 'Reaching out']);
  });

  it('a clinician creates a group from their home and leads it', async () => {
    const { page } = await hearth.signedIn(DEMO.clinician);
    // Once signed in, every request she makes is answered (the page asks for no staff list).
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) refused.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.getByRole('main').getByRole('link', { name: 'New group' }).click();
    await page.getByRole('heading', { level: 1, name: 'New group' }).waitFor();
    await page.getByText('You will lead this group.', { exact: false }).waitFor();
    expect(await checkA11y(page)).toEqual([]);
    await page.getByLabel('Group name').fill('Ada’s Monday group');
    // No schedule yet: the group opens on its Schedule tab.
    await page.getByLabel('Later, on the group’s Schedule tab').check();
    await expect.poll(() => page.getByLabel('First session').count()).toBe(0);
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ada’s Monday group' }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('schedule');
    // The Schedule tab uses the same fields as the form.
    await fillWeeklySchedule(page, { day: 'Thursday', date: thursdayNextWeek(), time: '10:00', sessions: 3, minutes: 60 });
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByText('Schedule saved. 3 sessions added, 0 removed.').waitFor();
    expect(refused).toEqual([]);
    const ada = await apiSession(hearth.baseUrl, DEMO.clinician);
    const { groups } = await ada.get<{ groups: { name: string; myRole: string }[] }>('/groups');
    expect(groups.find((g) => g.name === 'Ada’s Monday group')?.myRole).toBe('lead');
  });

  it('shows the server refusing a capacity below the current members next to the field, and keeps the old one', async () => {
    const { page } = await hearth.signedIn(DEMO.admin);
    const admin = await apiSession(hearth.baseUrl, DEMO.admin);
    const { groups } = await admin.get<{ groups: { id: string; name: string; memberCount: number }[] }>('/groups');
    const tuesday = groups.find((g) => g.name === 'Tuesday evening group');
    expect(tuesday?.memberCount).toBeGreaterThan(2);
    const before = await admin.get<{ capacity: number }>(`/groups/${tuesday?.id ?? ''}`);

    await page.goto(`${hearth.baseUrl}/groups/${tuesday?.id ?? ''}?tab=settings`);
    await page.getByLabel('Capacity').fill('2');
    await page.getByLabel('Minimum size').fill('1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const message = `At least ${tuesday?.memberCount}, the members it has now.`;
    await page.getByText(message).waitFor();
    expect(await page.getByLabel('Capacity').getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await page.getByLabel('Capacity').getAttribute('aria-describedby')) ?? '';
    const describedTexts = await Promise.all(
      describedBy
        .split(' ')
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).innerText()),
    );
    expect(describedTexts.join(' ')).toContain(message);
    expect(await checkA11y(page)).toEqual([]);

    const after = await admin.get<{ capacity: number }>(`/groups/${tuesday?.id ?? ''}`);
    expect(after.capacity).toBe(before.capacity);
  });
});
