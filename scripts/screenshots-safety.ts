/**
 * Moderation and safety-plan screens for scripts/screenshots.ts: the participant's safety plan and
 * their waiting posts, the facilitator's moderation queue (with the reject dialog), a risk alert
 * opened in the queue, a member's plan, the group's moderation settings, the admin's watched phrases.
 * Needs a fresh demo server (it posts in the group space). Standalone:
 *   npx tsx scripts/screenshots-safety.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/safety-*.png at 375 px, SCREEN_WIDTH for another)
 */
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import { apiSession } from '../e2e/support/api';
import { DEMO } from '../e2e/support/app';
import { PHONE, type Viewport } from '../e2e/support/browser';

export async function shootSafetyScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  // Set-up over the API: participant 1 writes two posts in the group space (held: the group is
  // pre-moderated; one has risk language and raises an alert).
  const p1 = await apiSession(base, DEMO.participant);
  const groups = await p1.get<{ groups: { id: string }[] }>('/groups');
  const groupId = groups.groups[0]?.id ?? '';
  // Pre-moderation, so the posts wait in the facilitator's queue.
  const ada = await apiSession(base, DEMO.clinician);
  await ada.send('PATCH', `/groups/${groupId}/moderation`, { moderationMode: 'pre' });
  await p1.send('POST', `/space/groups/${groupId}/threads`, { title: 'A small win', text: 'I went to the library café on my own today. It felt good to be out.' });
  await p1.send('POST', `/space/groups/${groupId}/threads`, { title: 'Hard week', text: "Honestly I don't see the point anymore, I feel like such a burden to everyone." });

  await signedIn(base, viewport, DEMO.participant, async (page) => {
    await page.goto(`${base}/safety-plan`);
    await page.getByRole('heading', { name: 'My safety plan', level: 1 }).waitFor();
    await shoot(page, 'safety-plan-mine');
    await page.getByRole('button', { name: 'Change my plan' }).click();
    await page.getByRole('heading', { name: '1. My warning signs' }).waitFor();
    await shoot(page, 'safety-plan-edit');
    await page.goto(`${base}/my-posts`);
    await page.getByRole('heading', { name: 'Waiting and not published' }).waitFor();
    await shoot(page, 'my-posts-waiting');
  });

  await signedIn(base, viewport, DEMO.clinician, async (page) => {
    await page.goto(`${base}/moderation`);
    await page.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor();
    await shoot(page, 'moderation-queue');
    // "Reject" became "Withdraw" (45679823).
    await page
      .getByRole('button', { name: /^Withdraw the/ })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw', exact: true }).click();
    await shoot(page, 'moderation-reject-reason');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.goto(`${base}/alerts`);
    await page.getByRole('heading', { name: /Alerts/, level: 1 }).waitFor();
    const open = page.getByRole('button', { name: /Read the message/ }).first();
    await open.click();
    await page.getByText('Why it was flagged').first().waitFor();
    await shoot(page, 'alert-risk-context');
    await page
      .getByRole('link', { name: /^Safety plan of/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /safety plan/, level: 1 }).waitFor();
    await shoot(page, 'safety-plan-member');
    await page.goto(`${base}/groups/${groupId}?tab=settings`);
    await page.getByRole('heading', { name: 'Group space moderation' }).waitFor();
    await shoot(page, 'group-moderation-settings');
  });

  await signedIn(base, viewport, DEMO.admin, async (page) => {
    await page.goto(`${base}/admin/watched-phrases`);
    await page.getByRole('heading', { name: 'Watched phrases', level: 1 }).waitFor();
    await shoot(page, 'admin-watched-phrases');
  });
}

runScript('screenshots-safety.ts', () => shootAtBothWidths('safety', shootSafetyScreens, { viewports: [{ width: Number(process.env.SCREEN_WIDTH ?? PHONE.width), height: 812 }] }));
