import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api';
import { DEMO, signIn } from './support/app';
import { DESKTOP } from './support/browser';
import { useHearth } from './support/hearth';
import { nextSocketReady } from './support/live';
import { MY_SPACES_POLL_MS } from '../src/web/space/api';

// Issue 16 item 4: the home page's group-space card and the menu badge show a new message the
// moment another member posts it — over the socket, well inside the 2-minute fallback poll.

const WILLOW = 'participant1@demo.hearth.local';
const HARBOUR = 'participant2@demo.hearth.local';
const hearth = useHearth();

describe('live unread count', () => {
  it('moves on the home card and the menu badge when another member posts', async () => {
    const willow = await apiSession(hearth.baseUrl, WILLOW);
    const { enrolments } = await willow.get<{
      enrolments: { groupId: string; status: string }[];
    }>('/me/enrolments');
    const groupId = enrolments.find((e) => e.status === 'active')?.groupId ?? '';
    const ada = await apiSession(hearth.baseUrl, DEMO.clinician);
    await ada.send('PATCH', `/groups/${groupId}/moderation`, {
      moderationMode: 'post',
      staffedHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        start: '00:00',
        end: '24:00',
      })),
    });

    const b = await hearth.browser(DESKTOP);
    const page = b.page;
    await signIn(page, hearth.baseUrl, HARBOUR);
    const connected = nextSocketReady(page);
    await page.goto(`${hearth.baseUrl}/`);
    await page.getByRole('heading', { name: 'Your group space' }).waitFor();
    const harbour = await apiSession(hearth.baseUrl, HARBOUR);
    const countOf = async () => (await harbour.get<{ spaces: { groupId: string; unread: number }[] }>('/me/spaces')).spaces.find((s) => s.groupId === groupId)!.unread;
    const before = await countOf();
    const card = page.getByRole('region', { name: 'Your group space' });
    await expect.poll(() => card.innerText()).toMatch(before > 0 ? new RegExp(`${before} new message`) : /You are up to date/);
    // Once the page's socket is connected (not after a guessed pause: a slow machine takes longer),
    // Willow posts (over HTTP, from elsewhere).
    await connected;
    await willow.send('POST', `/space/groups/${groupId}/posts`, {
      thread: 'chat',
      text: 'Morning all, the walk on Saturday is still on.',
    });
    const started = Date.now();
    // The count must come long before the fallback poll could bring it: a quarter of its interval
    // leaves a slow machine room for the post's risk check and the frame, and still proves "live".
    const live = MY_SPACES_POLL_MS / 4;
    await expect.poll(() => card.innerText(), { timeout: live }).toMatch(new RegExp(`${before + 1} new messages? since you last looked`));
    expect(Date.now() - started).toBeLessThan(live);
    // The badge reads the same cached count as the card.
    await expect.poll(() => page.getByTestId('nav-space').innerText(), { timeout: 5_000 }).toMatch(new RegExp(`${before + 1}\\s*unread`, 'i'));
  });
});
