import { describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, headerSignOut, signIn, submitSignIn } from './support/app';
import { PHONE } from './support/browser';
import { useHearth } from './support/hearth';
import { HAND_APP_SHEET_OVER_AT_GATE_LOADER, loadedStyleSheets, unstyledMantineClasses } from './support/styles';

const hearth = useHearth();

const file = (url: string): string => new URL(url).pathname.replace(/^\/assets\//, '');

describe('a light first load (issue 16 item 5)', () => {
  it("the sign-in page loads only its own Mantine styles and code; signing in adds the app's sheet before Hearth's CSS", async () => {
    const { page } = await hearth.browser(PHONE);
    const requested: string[] = [];
    page.on('request', (r) => {
      if (['script', 'stylesheet'].includes(r.resourceType())) requested.push(file(r.url()));
    });
    await page.goto(`${hearth.baseUrl}/sign-in`);
    await page.getByLabel('E-mail').waitFor();
    await page.waitForLoadState('networkidle');

    // Code and styles of the sign-in page: the entry, React and co., Mantine's core, its sheet.
    expect(requested.filter((f) => /^(mantine-more|mantine-app|charts|schemas|HomePage)-/.test(f))).toEqual([]);
    expect(requested.some((f) => /^mantine-[\w-]+\.js$/.test(f))).toBe(true);
    expect(requested.some((f) => /^vendor-[\w-]+\.js$/.test(f))).toBe(true);
    const before = (await loadedStyleSheets(page)).filter((s) => s !== 'inline');
    expect(before).toHaveLength(2);
    expect(before[0]).toMatch(/^mantine-[\w-]+\.css$/);
    expect(before[1]).toMatch(/^index-[\w-]+\.css$/);
    expect(await unstyledMantineClasses(page)).toEqual([]);

    await signIn(page, hearth.baseUrl, DEMO.participant);
    await page.getByRole('heading', { name: 'Your next sessions' }).waitFor();
    const after = (await loadedStyleSheets(page)).filter((s) => s !== 'inline');
    // Mantine's sheets first, as the whole styles.css was, then Hearth's own.
    expect(after.slice(0, 3)).toEqual([before[0], expect.stringMatching(/^mantine-app-[\w-]+\.css$/), before[1]]);
    expect(await unstyledMantineClasses(page)).toEqual([]);

    // Another signed-in page (loaded on demand) is styled too.
    await page.locator('#main-content').getByRole('link', { name: 'Tuesday evening group' }).first().click();
    await page.getByRole('heading', { name: 'Facilitators' }).waitFor();
    expect(await unstyledMantineClasses(page)).toEqual([]);
  });

  it('signing in opens the app when its sheet finishes loading between the sign-in gate drawing "Loading…" and its effects running', async () => {
    // A race that fits what CI saw once under load (after signing in, neither the app's header nor the
    // MFA offer ever came): the gate copied "not loaded yet" at render, the sheet loaded before its
    // effect ran, and the effect then waited for a load that had already happened: "Loading…" for ever.
    const { page } = await hearth.browser(PHONE);
    await page.addInitScript(HAND_APP_SHEET_OVER_AT_GATE_LOADER);
    await page.goto(`${hearth.baseUrl}/sign-in`);
    await submitSignIn(page, DEMO.participant, DEMO_PASSWORD);
    await headerSignOut(page).waitFor({ timeout: 15_000 });
    expect(await page.evaluate('window.__appSheetHandedOver === true')).toBe(true);
    expect(await unstyledMantineClasses(page)).toEqual([]);
  });
});
