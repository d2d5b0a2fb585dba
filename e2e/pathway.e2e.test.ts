import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { DEMO, signIn } from './support/app';
import { DEMO_GROUP, openDemoGroup } from './support/groups';
import { useHearth } from './support/hearth';

const hearth = useHearth();

describe('the way into a group', () => {
  it('refer → intake → waitlist → offer → accept → invite → agreement → active member', async () => {
    const base = hearth.baseUrl;

    // Ben (any clinician) refers someone.
    const ben = await hearth.signedIn(DEMO.clinician2);
    await ben.page.getByRole('button', { name: 'Refer someone' }).click();
    let dialog = ben.page.getByRole('dialog');
    expect(await dialog.getByLabel('Group').inputValue()).not.toBe('');
    await dialog.getByLabel("Person's full name").fill('Robin Ash');
    await dialog.getByLabel('Their e-mail').fill('robin.ash@example.org');
    await dialog.getByLabel('Reason for referral').fill('Low mood and isolation after moving; keen to meet people facing the same.');
    await dialog.getByRole('button', { name: 'Send referral' }).click();
    await ben.page.getByRole('status').getByText('Robin Ash has been referred').waitFor();
    const mine = ben.page.locator('tr', { hasText: 'Robin Ash' });
    await expect.poll(() => mine.innerText()).toMatch(/awaiting intake/i);

    // Ada screens them as suitable: they join the waitlist behind Sam Okoro.
    const ada = await hearth.browser();
    const page = ada.page;
    await signIn(page, base, DEMO.clinician);
    await openDemoGroup(page, 'Waitlist & referrals');
    await page.getByRole('button', { name: 'Intake for Robin Ash' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Yes, add to the waitlist').check();
    await dialog.getByLabel('Screening notes').fill('Suitable; no current risk indicators; evening works.');
    expect(await checkA11y(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save intake' }).click();
    await page.getByRole('status').getByText('Robin Ash is on the waitlist at number 2').waitFor();
    const waitlist = page.getByRole('region', { name: 'Waitlist' });
    expect(await waitlist.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('Sam Okoro'), expect.stringContaining('Robin Ash')]);

    // Offering out of order needs a reason: the server's plain message appears at the field.
    await page.getByRole('button', { name: 'Offer a place to Robin Ash' }).click();
    await dialog.getByText('Sam Okoro is first on the waitlist.').waitFor();
    await dialog.getByRole('button', { name: 'Offer the place' }).click();
    await dialog.getByText('Someone is ahead on the waitlist: give a reason to offer out of order.').waitFor();
    await dialog.getByLabel('Reason for offering out of order').fill('Sam Okoro asked to wait for the spring group.');
    await dialog.getByRole('button', { name: 'Offer the place' }).click();
    await page.getByRole('status').getByText('A place was offered to Robin Ash').waitFor();

    // They accept: a group name already in use is refused plainly, then the invitation link is shown once.
    await page.getByRole('button', { name: 'Record answer from Robin Ash' }).click();
    await dialog.getByLabel('Yes, they accepted').check();
    await dialog.getByLabel('Name in the group').fill('cedar');
    await dialog.getByRole('button', { name: 'Record answer' }).click();
    await dialog.getByText('Someone in this group is already called "cedar"').waitFor();
    await dialog.getByLabel('Name in the group').fill('Rowan');
    await dialog.getByRole('button', { name: 'Record answer' }).click();
    const link = dialog.getByTestId('invite-url');
    await link.waitFor();
    const inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/invite#token=/);
    await ada.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await dialog.getByRole('button', { name: 'Link copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl);
    expect(await checkA11y(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('status').getByText('Robin Ash is enrolled').waitFor();

    // Robin opens the link in their own browser, sets a password and signs in.
    const robin = await hearth.browser();
    const rp = robin.page;
    await rp.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, base));
    await rp.getByRole('heading', { name: 'Welcome, Robin Ash' }).waitFor();
    const password = 'kettle on and the kitchen window open';
    await rp.getByLabel('New password').fill(password);
    await rp.getByLabel('Type the password again').fill(password);
    await rp.getByRole('button', { name: 'Set password' }).click();
    await rp.getByRole('heading', { name: 'Your password is set' }).waitFor();
    await rp.getByRole('link', { name: 'Sign in' }).click();
    await rp.getByLabel(/^Password/).fill(password);
    await rp.getByRole('button', { name: 'Sign in' }).click();
    await rp.getByRole('heading', { level: 1, name: 'Hello, Robin Ash' }).waitFor();

    // The agreement comes first; accepting needs the box ticked.
    await rp.getByText('Accept your group agreement').waitFor();
    await rp.getByRole('link', { name: 'Read and accept the agreement' }).click();
    await rp.getByRole('heading', { level: 1, name: 'Your group agreement' }).waitFor();
    await rp.getByRole('article', { name: 'Agreement text' }).getByText('7. What is monitored and by whom', { exact: false }).waitFor();
    expect(await checkA11y(rp)).toEqual([]);
    await rp.getByRole('button', { name: 'Accept the agreement' }).click();
    await rp.getByText('Tick the box to show you agree.').waitFor();
    await rp.getByLabel('I have read and agree').check();
    await rp.getByRole('button', { name: 'Accept the agreement' }).click();
    await rp.getByRole('status').getByText('You have accepted the group agreement').waitFor();

    // Their group, with its upcoming sessions in the group's time zone.
    await rp.getByRole('link', { name: `Go to ${DEMO_GROUP}` }).click();
    await rp.getByRole('heading', { level: 1, name: DEMO_GROUP }).waitFor();
    await expect.poll(() => rp.getByText('in the group you are "Rowan"').count()).toBe(1);
    const upcoming = rp.getByRole('region', { name: 'Coming up' }).getByRole('listitem');
    await upcoming.first().waitFor();
    expect(await upcoming.count()).toBeGreaterThan(0);
    expect(await upcoming.first().innerText()).toMatch(/^Tuesday \d+ \w+, 18:00–19:30 \(London time\)/);
    await expect.poll(() => rp.getByRole('listitem').filter({ hasText: 'Rowan (you)' }).count()).toBe(1);
    await rp.getByRole('link', { name: 'Home', exact: true }).click();
    await rp.getByRole('heading', { name: 'Your next sessions' }).waitFor();
    // The home may first draw what it had cached from before the agreement was accepted.
    await expect.poll(() => rp.getByText('Accept your group agreement').count()).toBe(0);

    // Ada sees Rowan as an active member.
    await page.reload();
    await page.getByRole('tab', { name: 'Members' }).click();
    const row = page.locator('tr', { hasText: 'Robin Ash' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Rowan[\s\S]*active/i);
  });
});
