import { describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y';
import { apiSession } from './support/api';
import { DEMO } from './support/app';
import { DESKTOP, PHONE } from './support/browser';
import { useHearth } from './support/hearth';

const SHOTS = 'screenshots/digest';
const hearth = useHearth({ shots: SHOTS });

describe('the digest before a session', () => {
  it('lists alerts of both tiers and held posts, accessibly (axe clean) at 1280 and 375 px', async () => {
    // Two members write between sessions: one urgent message, one of concern. Both raise alerts.
    const willow = await apiSession(hearth.baseUrl, 'participant1@demo.hearth.local');
    const { enrolments } = await willow.get<{ enrolments: { groupId: string; status: string }[] }>('/me/enrolments');
    const groupId = enrolments.find((e) => e.status === 'active')?.groupId ?? '';
    await willow.send('POST', `/space/groups/${groupId}/posts`, { thread: 'chat', text: 'I just want to die tonight', clientId: crypto.randomUUID() });
    const harbour = await apiSession(hearth.baseUrl, 'participant2@demo.hearth.local');
    await harbour.send('POST', `/space/groups/${groupId}/posts`, {
      thread: 'chat',
      text: 'Some days I wish I could just disappear and not wake up',
      clientId: crypto.randomUUID(),
    });
    const ada = await apiSession(hearth.baseUrl, DEMO.clinician);
    const { sessions } = await ada.get<{ sessions: { id: string }[] }>(`/groups/${groupId}/sessions?when=upcoming&limit=1`);
    const next = sessions[0]?.id ?? '';

    for (const [viewport, width] of [
      [DESKTOP, 1280],
      [PHONE, 375],
    ] as const) {
      const b = await hearth.signedIn(DEMO.clinician, { viewport });
      await b.page.goto(`${hearth.baseUrl}/sessions/${next}/digest`);
      await b.page.getByRole('heading', { level: 1, name: 'Digest before the session' }).waitFor();
      const alerts = b.page.getByRole('region', { name: 'Alerts' });
      await expect.poll(() => alerts.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
      expect(await alerts.innerText()).toMatch(/urgent/i);
      expect(await alerts.innerText()).toMatch(/concern/i);
      // The link to act on them follows the list; it is not an item of it.
      expect(await alerts.getByRole('list').getByRole('link', { name: 'Open the alert queue' }).count()).toBe(0);
      expect(await alerts.getByRole('link', { name: 'Open the alert queue' }).count()).toBe(1);
      expect(await b.page.getByRole('region', { name: 'Held for review' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
      expect(await checkA11y(b.page)).toEqual([]);
      await b.page.screenshot({ path: `${SHOTS}/digest-${width}.png`, fullPage: true });
    }
  });
});
