import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api';
import { DEMO, signIn } from './support/app';
import { HARBOUR, phoneSuite } from './support/phone-suite';

const { baseUrl, phone, shoot } = phoneSuite('screenshots/exchange');
// (Until session 8 this was "Cold water on my wrists", with "Hold wrists under it": risk model v6
// raises that strategy as a concern — a known false positive near the risk line, in the risk README —
// so it is held for review and this test is about the exchange, not the detector.)
const TITLE = 'Cold water on my face <b>fast</b>';

describe('coping strategies exchange on a phone', () => {
  it('a member shares a strategy, a peer marks it helped, a facilitator curates it into the library', async () => {
    const base = baseUrl();

    // Willow shares a strategy from her phone; markup in it stays text.
    const willow = await phone();
    await signIn(willow, base, DEMO.participant);
    await willow.getByRole('heading', { name: 'This week' }).waitFor();
    await willow.getByRole('heading', { name: /new appreciations? for you/ }).waitFor();
    await shoot(willow, 'participant-home');
    await willow.goto(`${base}/strategies`);
    await willow.getByRole('heading', { level: 1, name: 'Coping strategies' }).waitFor();
    await willow.getByRole('button', { name: 'Share a strategy' }).click();
    await willow.getByLabel('What do you call it?').fill(TITLE);
    await willow.getByLabel('When does it help?').fill('When panic rises and I need something quick.');
    await willow.getByLabel('What are the steps?').fill('Run cold water.\nSplash my face for 30 seconds.\nBreathe out slowly.');
    await shoot(willow, 'share-strategy');
    await willow.getByRole('button', { name: 'Share with my group' }).click();
    const thanks = willow.getByRole('status').filter({ hasText: 'Thank you' });
    await thanks.waitFor();
    await willow.getByRole('heading', { level: 3, name: TITLE }).waitFor();
    expect(await willow.locator('script').filter({ hasText: 'fast' }).count()).toBe(0);

    // A new member's first posts (or posts out of staffed hours) wait for a facilitator: Ada approves it.
    const ada = await apiSession(base, DEMO.clinician);
    const groups = await ada.get<{ groups: { id: string }[] }>('/groups');
    const groupId = groups.groups[0]?.id ?? '';
    const list = await ada.get<{ strategies: { id: string; title: string; status: string }[] }>(`/groups/${groupId}/strategies`);
    const shared = list.strategies.find((s) => s.title === TITLE);
    expect(shared).toBeDefined();
    if (shared?.status === 'held') await ada.send('POST', `/moderation/items/${shared.id}/approve`, { reason: 'Fine to share' });

    // Harbour, on another phone, tries it and marks it "helped".
    const harbour = await phone();
    await signIn(harbour, base, HARBOUR);
    await harbour.goto(`${base}/strategies`);
    const card = harbour.getByRole('article', { name: TITLE });
    await card.waitFor();
    await card.getByRole('button', { name: 'Tried it: helped' }).click();
    await card.getByText('1 helped').waitFor();
    expect(await card.getByRole('button', { name: 'Tried it: helped' }).getAttribute('aria-pressed')).toBe('true');
    await shoot(harbour, 'strategies-peer');

    // Ada, on her phone, adds it to the programme library credited to Willow.
    const adaPage = await phone();
    await signIn(adaPage, base, DEMO.clinician);
    await adaPage.goto(`${base}/groups/${groupId}/strategies`);
    const adaCard = adaPage.getByRole('article', { name: TITLE });
    await adaCard.getByText('1 helped').waitFor();
    await adaCard.getByRole('button', { name: 'Add to library' }).click();
    const dialog = adaPage.getByRole('dialog', { name: 'Add to the programme library' });
    await dialog.getByLabel('Shared by Willow').check();
    await dialog.getByLabel('Evidence or notes (optional)').fill('A quick way to interrupt rising panic (temperature change).');
    await shoot(adaPage, 'curate');
    await dialog.getByRole('button', { name: 'Add to library' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await adaCard.getByText('In the library').waitFor();

    // Anyone in the programme now finds it by searching the library.
    await harbour.goto(`${base}/library`);
    await harbour.getByRole('heading', { level: 1, name: 'Coping library' }).waitFor();
    await harbour.getByLabel('Search the library').fill('cold water');
    const entry = harbour.getByRole('article', { name: TITLE });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Shared by Willow');
    // The entry is on the page before the search answers: wait for the filtered list, not the first paint.
    await expect.poll(() => harbour.getByRole('article').count(), { timeout: 15_000 }).toBe(1);
    await shoot(harbour, 'library-search');

    // The facilitator view counts what Willow shared.
    await adaPage.goto(`${base}/groups/${groupId}?tab=activity`);
    await adaPage.getByRole('article', { name: /^Willow/ }).waitFor();
    await shoot(adaPage, 'member-activity');

    // Willow's appreciations page.
    await willow.goto(`${base}/appreciations`);
    await willow.getByRole('heading', { level: 1, name: 'My appreciations' }).waitFor();
    await willow.getByText('From Ember').waitFor();
    await shoot(willow, 'appreciations');
    await willow.goto(`${base}/feedback`);
    await willow.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();
    await willow.getByText('I’d welcome feedback on whether I talk too little').waitFor();
    await shoot(willow, 'feedback');
  });
});
