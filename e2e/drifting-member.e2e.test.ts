import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api';
import { DEMO, signIn } from './support/app';
import { DESKTOP } from './support/browser';
import { useHearth } from './support/hearth';

/**
 * Issue 14's whole story in one facilitator's browser: the early warning flags Cedar — who stopped
 * coming and whose PHQ-9 rose — with its reasons; Ada opens his record for how to reach him (his
 * mobile, tap-to-call, his preferred time), records that she reached out (the flag snoozes, kept
 * with her note, audited), and then opens the group's connection map to see Cedar and his ties.
 */
const SHOTS = 'screenshots/drifting-member';
const NOTE = 'Rang Cedar on his mobile this afternoon. He is finding evenings hard; we agreed he will come on Tuesday and pair with Juniper for the exercise.';
const hearth = useHearth({ shots: SHOTS });

/** A screenshot of the whole page from its top (a dialog: of the screen as the facilitator sees it), axe clean, never scrolling sideways. */
async function shoot(page: Page, step: string, options: { dialog?: boolean } = {}): Promise<void> {
  if (!options.dialog) await page.evaluate(() => window.scrollTo(0, 0));
  await hearth.shoot(page, step, { file: `${step}-1280`, fullPage: !options.dialog });
}

interface FlagsBody {
  flags: { id: string; pseudonym: string; enrolmentId: string }[];
  decided: { id: string; pseudonym: string; status: string; decisionNote: string | null; snoozedUntil: string | null }[];
}

describe('a member drifting away, from the early warning to the connection map', () => {
  it('Cedar is flagged with reasons, Ada reaches out and records it (the flag snoozes), then sees Cedar and his ties on the map', async () => {
    const base = hearth.baseUrl;
    const b = await hearth.browser(DESKTOP);
    const page = b.page;
    await signIn(page, base, DEMO.clinician);

    // 1. The facilitator home: Cedar is flagged "reach out", with each reason's figures and what might help.
    const panel = page.getByRole('region', { name: 'Members who may be drifting away' });
    const card = panel.getByRole('article', { name: 'Cedar: Reach out' });
    await card.waitFor();
    const why = await card.innerText();
    expect(why).toMatch(/Missed 2 sessions in a row since/);
    expect(why).toMatch(/PHQ-9 rose from \d+ .* to \d+/);
    expect(why).toMatch(/Send a personal message before the next session/);
    expect(why).toContain('Tom Becker'); // facilitators see who it is
    await card.getByRole('img', { name: /^Flagged on \d+ of the last \d+ days checked$/ }).waitFor();
    await shoot(page, '1-flagged-on-home');

    // 2. How to reach him: his record holds his numbers (tap-to-call), preferred contact and time.
    await card.getByRole('link', { name: "Open Cedar's record" }).click();
    await page.getByRole('heading', { level: 1, name: /Cedar/ }).waitFor();
    const contact = page.getByRole('region', { name: 'Contact details' });
    await contact.getByText('Afternoons', { exact: false }).waitFor();
    const call = contact.getByRole('link', { name: /^Call Tom Becker’s mobile/ });
    expect(await call.getAttribute('href')).toBe('tel:+447700900412');
    expect(await contact.innerText()).toMatch(/Preferred contact\s*Phone/i);
    await shoot(page, '2-record-contact');

    // 3. Back home, Ada records that she reached out, with a note for the co-facilitator.
    await page.goBack();
    await card.waitFor();
    await card.getByRole('button', { name: 'I reached out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record reaching out to Cedar' });
    await dialog.getByLabel('Note').fill(NOTE);
    await shoot(page, '3-record-reaching-out', { dialog: true });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .getByText(/^Cedar: reached out; quiet until /)
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // 4. The flag snoozes: Cedar leaves the open flags, kept under "Recently decided" with the note.
    await expect.poll(() => card.count()).toBe(0);
    await panel.getByRole('listitem').filter({ hasText: NOTE }).waitFor();
    expect(await panel.getByRole('listitem').filter({ hasText: NOTE }).innerText()).toMatch(/^Cedar: reached out to by Dr Ada Okafor on .*\(quiet until .*\)$/);
    await shoot(page, '4-snoozed');
    const ada = await apiSession(base, DEMO.clinician);
    const flags = await ada.get<FlagsBody>('/me/isolation-flags');
    expect(flags.flags.map((f) => f.pseudonym)).not.toContain('Cedar');
    const decided = flags.decided.find((f) => f.decisionNote === NOTE);
    expect(decided).toMatchObject({ pseudonym: 'Cedar', status: 'reached_out' });
    const quietDays = (Date.parse(decided?.snoozedUntil ?? '') - Date.now()) / 86_400_000;
    expect(quietDays).toBeGreaterThan(13);
    expect(quietDays).toBeLessThanOrEqual(14);
    // Audited: reading his contact details and the decision, both by Ada.
    const admin = await apiSession(base, DEMO.admin);
    const audit = async (action: string) => (await admin.get<{ items: { actorName: string | null; resourceId: string | null }[] }>(`/admin/audit?action=${action}`)).items;
    expect((await audit('isolation.reached_out')).filter((e) => e.resourceId === decided?.id).map((e) => e.actorName)).toEqual(['Dr Ada Okafor']);
    expect((await audit('contacts.read')).some((e) => e.actorName === 'Dr Ada Okafor')).toBe(true);

    // 5. The group's connection map (last four weeks): Cedar is there, reached by peers, with his ties both ways.
    const { groups } = await ada.get<{ groups: { id: string; name: string }[] }>('/groups');
    const tuesday = groups.find((g) => g.name === 'Tuesday evening group');
    await page.goto(`${base}/groups/${tuesday?.id ?? ''}`);
    await page.getByRole('link', { name: /Open the connection map/ }).click();
    await page.getByRole('heading', { level: 1, name: /Connection map/ }).waitFor();
    const graph = page.getByRole('img', { name: 'Connection map: who reached whom' });
    await graph.waitFor();
    const people = page.getByRole('region', { name: 'The same facts as a table: people' });
    const cedar = people.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Cedar/ }) });
    const cells = await cedar.getByRole('cell').allInnerTexts();
    // Acts received, acts given, members who reached him, mutual ties.
    expect(Number(cells[2])).toBeGreaterThanOrEqual(2);
    expect(Number(cells[3])).toBeGreaterThanOrEqual(1);
    expect(await cedar.innerText()).not.toContain('not reached by a peer');
    const ties = page.getByRole('region', { name: 'The same facts as a table: ties' });
    const fromCedar = ties.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Cedar', exact: true }) });
    expect(await fromCedar.count()).toBeGreaterThanOrEqual(3);
    expect((await fromCedar.allInnerTexts()).some((row) => row.includes('Juniper') && row.includes('Yes'))).toBe(true);
    // The one member no peer reached in these weeks is Meadow, who is paused.
    expect(await people.getByText('not reached by a peer').count()).toBe(1);
    expect(await people.getByRole('row').filter({ hasText: 'not reached by a peer' }).innerText()).toMatch(/^Meadow/);
    await shoot(page, '5-connection-map');
    await graph.screenshot({ path: `${SHOTS}/5-connection-map-drawing-1280.png` });
  });
});
