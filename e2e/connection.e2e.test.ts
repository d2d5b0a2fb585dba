import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { apiSession } from './support/api';
import { DEMO } from './support/app';
import { DESKTOP, PHONE } from './support/browser';
import { useHearth } from './support/hearth';

const SHOTS = 'screenshots/connection';
const hearth = useHearth({ shots: SHOTS });

describe('the connection map', () => {
  it('the facilitator opens it from the group, steps back a week and reads the table, accessibly (axe clean) at 1280 and 375 px', async () => {
    const ada = await apiSession(hearth.baseUrl, DEMO.clinician);
    const { groups } = await ada.get<{ groups: { id: string; name: string }[] }>('/groups');
    const tuesday = groups.find((g) => g.name === 'Tuesday evening group');
    expect(tuesday).toBeDefined();
    for (const [viewport, width] of [
      [DESKTOP, 1280],
      [PHONE, 375],
    ] as const) {
      const b = await hearth.signedIn(DEMO.clinician, { viewport });
      await b.page.goto(`${hearth.baseUrl}/groups/${tuesday?.id ?? ''}`);
      await b.page.getByRole('link', { name: /Open the connection map/ }).click();
      await b.page.getByRole('heading', { level: 1, name: /Connection map/ }).waitFor();
      const graph = b.page.getByRole('img', { name: 'Connection map: who reached whom' });
      await graph.waitFor();
      // The table holds the same people as the drawing, under pseudonyms.
      const people = b.page.getByRole('region', { name: 'The same facts as a table: people' });
      expect(await people.getByRole('rowheader').count()).toBeGreaterThanOrEqual(6);
      expect(await people.innerText()).toContain('Cedar');
      expect(await people.innerText()).not.toContain('Tom Becker');
      expect(await b.page.getByRole('region', { name: 'The same facts as a table: ties' }).getByRole('row').count()).toBeGreaterThan(3);
      expect(await checkA11y(b.page)).toEqual([]);
      await b.page.screenshot({ path: `${SHOTS}/connection-map-${width}.png`, fullPage: true });
      // Stepping week by week moves the window; the whole group shows every week's figures.
      // The window's line names the chosen week at once and adds " · updating…" while the last
      // figures stay on screen (placeholder data): wait for the line to end without it.
      await b.page.getByRole('button', { name: '← A week earlier' }).click();
      await b.page.getByText(/\(1 week ago\)$/).waitFor();
      await b.page.locator('label', { hasText: 'Whole group' }).click();
      await b.page.getByText(/\(up to today\)$/).waitFor();
      const series = b.page.getByRole('region', { name: 'Over time' });
      await expect.poll(() => series.getByRole('row').count()).toBeGreaterThanOrEqual(6);
      expect(await checkA11y(b.page)).toEqual([]);
    }
  });

  it('the outcomes report shows connection outcomes (loneliness change), axe clean at 1280 and 375 px', async () => {
    for (const [viewport, width] of [
      [DESKTOP, 1280],
      [PHONE, 375],
    ] as const) {
      const b = await hearth.signedIn(DEMO.clinician, { viewport });
      await b.page.goto(`${hearth.baseUrl}/reports/outcomes`);
      const section = b.page.getByRole('region', { name: 'Connection' });
      await section.waitFor();
      expect(await section.innerText()).toMatch(/Loneliness \(ONS question\)/);
      expect(await checkA11y(b.page)).toEqual([]);
      await b.page.screenshot({ path: `${SHOTS}/outcomes-connection-${width}.png`, fullPage: true });
    }
  });
});
