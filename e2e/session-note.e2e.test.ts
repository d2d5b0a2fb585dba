import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { DEMO } from './support/app';
import { openDemoGroup, openPastSession } from './support/groups';
import { useHearth } from './support/hearth';

const hearth = useHearth();

describe('after a session', () => {
  it('takes attendance, writes the group note with member sections, signs it, and files each section to the record', async () => {
    const { page } = await hearth.signedIn(DEMO.clinician);

    // The latest held session (7) has attendance but no note yet.
    await openPastSession(page, 7);
    await page.getByRole('heading', { name: 'Group note' }).waitFor();
    expect(await page.getByTestId('note-status').innerText()).toContain('New note: not saved yet.');

    // Correct the attendance: Harbour came 10 minutes late, Skylark did not come.
    await page.getByRole('button', { name: 'Change attendance' }).click();
    const harbour = page.getByRole('group', { name: /^Harbour/ });
    await harbour.getByLabel('Attendance').selectOption('late');
    await harbour.getByLabel('Minutes late').fill('10');
    await page
      .getByRole('group', { name: /^Skylark/ })
      .getByLabel('Attendance')
      .selectOption('absent');
    expect(await checkA11y(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByRole('status').getByText('Attendance saved').waitFor();
    const summary = page.getByRole('list', { name: 'Attendance by member' });
    await expect.poll(() => summary.getByRole('listitem').filter({ hasText: 'Harbour' }).innerText()).toMatch(/late \(10 min\)/i);
    expect(await summary.getByRole('listitem').filter({ hasText: 'Skylark' }).innerText()).toMatch(/absent/i);

    // The note has a section for each member who came: not for Skylark (now absent) or Cedar.
    await expect.poll(() => page.getByLabel(/^Skylark/).count()).toBe(0);
    expect(await page.getByLabel(/^Cedar/).count()).toBe(0);
    await page.getByLabel('Themes').fill('Boundaries at work and at home; several members named guilt when saying no.');
    await page.getByLabel('Interventions').fill('Boundary scale exercise; scripted practice in pairs; validation.');
    await page.getByLabel('Group process').fill('Energetic; Harbour arrived late and was welcomed in.');
    const harbourSection = 'Harbour practised a kind "no" to a colleague and said it felt possible.';
    await page.getByLabel('Harbour (Jonah Reyes)').fill(harbourSection);
    await page.getByLabel('Willow (Maya Thompson)').fill('Willow supported others and shared her own script.');
    // No "Save draft" needed: the draft saves itself a few seconds after the last change.
    await page.getByRole('status').getByText('Saved automatically (version 1)').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('note-status').innerText()).toContain('Draft, version 1');

    // Signing an incomplete note is refused, naming what is missing: the other attendees' sections.
    await page.getByRole('button', { name: 'Sign…' }).click();
    const missing = page.getByRole('list', { name: 'Still to write' });
    await missing.waitFor();
    expect(await missing.innerText()).toMatch(/section/);
    expect(await missing.innerText()).not.toMatch(/Harbour|Willow|Themes/);
    expect(await page.getByRole('dialog', { name: 'Sign this note?' }).count()).toBe(0);
    expect(await checkA11y(page)).toEqual([]);
    // The others attended without taking part: said explicitly, not left blank.
    const quiet = page.getByRole('button', { name: / did not contribute$/ });
    while ((await quiet.count()) > 0) await quiet.first().click();
    await expect.poll(() => missing.count()).toBe(0);

    // Sign: confirm (the latest changes are saved first), then the note is read-only.
    await page.getByRole('button', { name: 'Sign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign this note?' });
    expect(await dialog.innerText()).toContain('locked');
    await dialog.getByRole('button', { name: 'Sign note' }).click();
    await page.getByText('Signed by Dr Ada Okafor', { exact: false }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Themes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Group note' }).innerText()).toContain(harbourSection);
    expect(await checkA11y(page)).toEqual([]);

    // Later additions are addenda.
    await page.getByLabel('Add an addendum').fill('Harbour e-mailed afterwards to say the practice helped.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByRole('status').getByText('Addendum added.').waitFor();
    await page.getByText('Harbour e-mailed afterwards', { exact: false }).first().waitFor();

    // Harbour's record shows the section and the late arrival.
    await openDemoGroup(page, 'Members');
    await page.getByRole('link', { name: 'Record of Harbour' }).filter({ visible: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Harbour/ }).waitFor();
    const notes = page.getByTestId('record-note');
    await expect.poll(() => notes.first().innerText()).toContain(harbourSection);
    expect(await notes.first().innerText()).toMatch(/signed/i);
    expect(await page.getByRole('table').getByRole('row').nth(1).innerText()).toMatch(/Boundaries[\s\S]*late \(10 min\)/i);
  });
});
