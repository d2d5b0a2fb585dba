import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { DEMO } from './support/app';
import { openPastSession } from './support/groups';
import { useHearth } from './support/hearth';

const hearth = useHearth();

/** A note field by its exact label (the conflict panel's regions are named after the same sections). */
function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

/** A facilitator signed in with session 6 (a draft note) open. */
async function openDraft(email: string) {
  const b = await hearth.signedIn(email);
  await openPastSession(b.page, 6);
  await b.page.getByRole('textbox', { name: 'Themes' }).waitFor();
  return b.page;
}

describe('two people editing the same note', () => {
  it('shows the second saver both versions, keeps their text, and lets them resolve it', async () => {
    const ada = await openDraft(DEMO.clinician);
    const ben = await openDraft(DEMO.clinician2);
    expect(await ada.getByTestId('note-status').innerText()).toContain('version 1');

    const adaThemes = 'Conflict at home came up most; members practised "pause, name, ask".';
    const benThemes = 'Members mapped a recent disagreement; Juniper named needing to be heard.';
    const benWillow = 'Willow offered a repair script to Ember.';
    await field(ada, 'Themes').fill(adaThemes);
    await field(ben, 'Themes').fill(benThemes);
    await field(ben, 'Willow (Maya Thompson)').fill(benWillow);

    await ada.getByRole('button', { name: 'Save draft' }).click();
    await ada.getByRole('status').getByText('Draft saved (version 2)').waitFor();

    // Ben saves from the stale version 1: refused, shown plainly, nothing lost.
    await ben.getByRole('button', { name: 'Save draft' }).click();
    const alert = ben.getByRole('alert').filter({ hasText: 'Someone else saved this note while you were editing' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Dr Ada Okafor saved version 2');
    const themes = alert.getByRole('region', { name: 'Differences in Themes' });
    expect(await themes.getByTestId('their-version').innerText()).toContain(adaThemes);
    expect(await themes.getByTestId('your-version').innerText()).toContain(benThemes);
    expect(
      await alert
        .getByRole('region', { name: /Differences in Willow/ })
        .getByTestId('your-version')
        .innerText(),
    ).toContain(benWillow);
    expect(await field(ben, 'Themes').inputValue()).toBe(benThemes);
    expect(await field(ben, 'Willow (Maya Thompson)').inputValue()).toBe(benWillow);
    expect(await checkA11y(ben)).toEqual([]);

    // Ben keeps his text on top of Ada's version.
    await alert.getByRole('button', { name: 'Use my text on top of their version' }).click();
    await ben.getByRole('status').getByText('Draft saved (version 3)').waitFor();
    expect(await ben.getByRole('alert').count()).toBe(0);
    expect(await ben.getByTestId('note-status').innerText()).toContain('version 3, last saved by Ben Lindqvist');

    // Ada, still on version 2, saves again: she sees Ben's text and discards her own.
    await field(ada, 'Group process').fill('Ada: lively, some tension, repaired.');
    await ada.getByRole('button', { name: 'Save draft' }).click();
    const adaAlert = ada.getByRole('alert').filter({ hasText: 'Someone else saved this note' });
    await adaAlert.waitFor();
    expect(await adaAlert.innerText()).toContain('Ben Lindqvist saved version 3');
    await adaAlert.getByRole('button', { name: 'Discard mine' }).click();
    expect(await field(ada, 'Themes').inputValue()).toBe(benThemes);
    expect(await field(ada, 'Willow (Maya Thompson)').inputValue()).toBe(benWillow);
    expect(await ada.getByTestId('note-status').innerText()).toContain('version 3');

    // Every version is kept.
    await ada.getByText('Version history').click();
    await ada.getByText('Version 3: Draft saved by Ben Lindqvist', { exact: false }).waitFor();
    expect(await ada.getByText(/^Version \d+: /).count()).toBe(3);
  });
});
