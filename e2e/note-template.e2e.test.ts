import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { DEMO } from './support/app';
import { DEMO_GROUP, openDemoGroup, openPastSession } from './support/groups';
import { useHearth } from './support/hearth';

const hearth = useHearth();

describe('a programme’s note template on screen', () => {
  it('the lead clinician switches the programme to DAP and the next new note starts as a DAP note with the session’s topic; the co-facilitator sees no edit', async () => {
    const { page } = await hearth.signedIn(DEMO.clinician);

    // Ada leads the demo group: its programme opens from the group page, editable.
    await openDemoGroup(page);
    await page.getByRole('main').getByRole('link', { name: 'The Power of Connection' }).click();
    await page.getByRole('heading', { level: 1, name: 'The Power of Connection' }).waitFor();
    const card = page.getByRole('region', { name: 'Note template' });
    expect(await card.getByText('Never chosen: notes use the free template.').count()).toBe(1);
    await card.getByRole('radio', { name: /^DAP/ }).check();
    expect(await checkA11y(page)).toEqual([]);
    await card.getByRole('button', { name: 'Use this template' }).click();
    await card.getByRole('status').getByText('New notes now follow the DAP template (version 1).').waitFor();
    expect(await card.getByRole('listitem').first().innerText()).toMatch(/Version 1 \(current\): DAP · .* · Dr Ada Okafor$/);

    // The latest held session (7) has no note yet: its draft is a DAP note, the Data section pre-filled.
    await page.getByRole('link', { name: `← ${DEMO_GROUP}` }).click();
    await page.getByRole('heading', { level: 1, name: DEMO_GROUP }).waitFor();
    await page.goto(`${hearth.baseUrl}/`);
    await openPastSession(page, 7);
    await page.getByRole('heading', { name: 'Group note' }).waitFor();
    const data = page.getByRole('textbox', { name: 'Data' });
    await data.waitFor();
    expect(await data.inputValue()).toMatch(/^Session 7: .+\nSkill focus: .+\n$/);
    expect(await page.getByRole('textbox', { name: 'Assessment' }).inputValue()).toBe('');
    expect(await page.getByRole('textbox', { name: 'Plan' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Themes' }).count()).toBe(0);

    // The untouched pre-fill is not content: signing lists Data among what is still to write.
    await page.getByRole('button', { name: 'Sign…' }).click();
    const missing = page.getByRole('list', { name: 'Still to write' });
    await missing.waitFor();
    expect(await missing.innerText()).toMatch(/Data[\s\S]*Assessment[\s\S]*Plan/);
    expect(await checkA11y(page)).toEqual([]);

    // Ben co-facilitates: he sees the programme and its template, with no way to change them.
    const ben = await hearth.signedIn(DEMO.clinician2);
    await openDemoGroup(ben.page);
    await ben.page.getByRole('main').getByRole('link', { name: 'The Power of Connection' }).click();
    await ben.page.getByRole('heading', { level: 1, name: 'The Power of Connection' }).waitFor();
    const benCard = ben.page.getByRole('region', { name: 'Note template' });
    expect(await benCard.getByTestId('note-template-current').innerText()).toBe('DAP: Data · Assessment · Plan');
    expect(await ben.page.getByRole('button', { name: /Use this template|Save details|Save curriculum|Publish/ }).count()).toBe(0);
    expect(await checkA11y(ben.page)).toEqual([]);
  });
});
