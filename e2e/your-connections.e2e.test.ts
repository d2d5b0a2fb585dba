import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api';
import { DEMO, signIn } from './support/app';
import { checkA11y, hasHorizontalScroll } from './support/a11y';
import { DESKTOP } from './support/browser';
import { HARBOUR, phoneSuite } from './support/phone-suite';

const DIR = 'screenshots/your-connections';
const { baseUrl, phone, browser, shoot } = phoneSuite(DIR);

describe('"Your connections" on the participant home', () => {
  it('a member sees who they are connected with, hides the card (then the home stops asking) and shows it again', async () => {
    const base = baseUrl();
    const willow = await phone();
    const asked: string[] = [];
    willow.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/me/connections') asked.push(r.method());
    });
    await signIn(willow, base, DEMO.participant);
    const card = willow.getByRole('region', { name: 'Your connections' });
    await card.waitFor();
    await card
      .getByText(/appreciated you|tried a strategy|tried strategies|crossed paths|Connections grow/)
      .first()
      .waitFor();
    expect(await card.innerText()).not.toMatch(/\d/); // names only: no counts, no comparisons
    await shoot(willow, 'home');

    // The same home on a desktop browser.
    const desktop = await browser(DESKTOP);
    await signIn(desktop.page, base, DEMO.participant);
    await desktop.page
      .getByRole('region', { name: 'Your connections' })
      .getByText(/appreciated you|tried|crossed paths|Connections grow/)
      .first()
      .waitFor();
    await desktop.page.screenshot({ path: `${DIR}/home-1280.png`, fullPage: true });
    expect(await hasHorizontalScroll(desktop.page)).toBe(false);
    expect(await checkA11y(desktop.page)).toEqual([]);
    await desktop.close();

    // Hidden: kept for the person, and the home no longer asks for the connections.
    await card.getByRole('button', { name: 'Hide this' }).click();
    const showAgain = willow.getByRole('button', { name: 'Show “Your connections”' });
    await showAgain.waitFor();
    await shoot(willow, 'home-hidden');
    const member = await apiSession(base, DEMO.participant);
    expect(await member.get<{ showConnections: boolean }>('/me/home-preferences')).toEqual({ showConnections: false });
    asked.length = 0;
    await willow.reload();
    await willow.getByRole('heading', { name: 'This week' }).waitFor();
    await showAgain.waitFor();
    expect(await card.count()).toBe(0);
    expect(asked).toEqual([]);

    // Shown again.
    await showAgain.click();
    await card.waitFor();
    await card.getByRole('button', { name: 'Hide this' }).waitFor();
    // The request event reaches the test on its own channel, not in step with the page's drawing.
    await expect.poll(() => asked).toEqual(['GET']);
    expect(await member.get<{ showConnections: boolean }>('/me/home-preferences')).toEqual({ showConnections: true });
  });

  it('a member with peers they have not connected with gets one gentle suggestion they can follow', async () => {
    const base = baseUrl();
    const harbour = await phone();
    await signIn(harbour, base, HARBOUR);
    const card = harbour.getByRole('region', { name: 'Your connections' });
    await card.getByText('Others in your group you might get to know:').waitFor();
    await card.getByText(/shared something you might relate to/).waitFor();
    expect(await card.innerText()).not.toMatch(/\d/);
    await shoot(harbour, 'home-suggestion');
    await card.getByRole('link', { name: /Have a look|Read and reply/ }).click();
    await harbour.getByRole('heading', { level: 1, name: /Coping strategies|Feedback/ }).waitFor();
  });
});
