/**
 * The measures and alerts screens for scripts/screenshots.ts: a participant's questionnaire up to
 * the safety screen, the clinician's alert queue, a trajectory, the outcomes report and the
 * admin's settings. Needs a fresh demo server (it answers questionnaires and resolves alerts).
 */
import type { Page } from 'playwright-core';
import { apiSession } from '../e2e/support/api';
import { DEMO } from '../e2e/support/app';
import { type Shoot, signedIn } from '../e2e/support/shots';
import type { Viewport } from '../e2e/support/browser';

/** Full-page shots of a scrolled page draw the fixed header mid-page: go back to the top first. */
async function top(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Demo participants: Meadow (paused) still has PHQ-9 due at enrolment; Cedar's PHQ-9 is getting worse. */
const MEADOW = 'participant7@demo.hearth.local';
const CEDAR = 'participant4@demo.hearth.local';

export async function shootMeasureScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  // Set-up over the API: the shortest urgent target the service accepts (1 minute; 0 is refused
  // since 4f482f8b) makes Meadow's alert due almost at once, and Cedar answers a PHQ-9 that is a
  // reliable deterioration (a concern in the queue).
  const admin = await apiSession(base, DEMO.admin);
  await admin.send('PATCH', '/admin/settings', { 'alerts.urgent_ack_minutes': '1' });
  const cedar = await apiSession(base, CEDAR);
  const worse = [2, 2, 2, 2, 2, 2, 2, 2, 0];
  await cedar.send('POST', '/measures/responses', {
    instrumentCode: 'phq-9',
    version: 1,
    answers: Object.fromEntries(worse.map((v, i) => [`phq9-${i + 1}`, v])),
    idempotencyKey: `screens-cedar-${viewport.width}`,
  });

  // Meadow answers her due PHQ-9, one question per screen.
  await signedIn(base, viewport, MEADOW, async (page) => {
    await page.getByRole('heading', { name: 'Questionnaires to do' }).waitFor();
    await shoot(page, 'participant-questionnaires-to-do');
    await page.getByRole('link', { name: /^Start PHQ-9/ }).click();
    await page.getByText('Question 1 of 10').waitFor();
    await shoot(page, 'questionnaire-question');
    const answers = ['Several days', 'More than half the days', 'Several days', 'Several days', 'Not at all', 'Several days', 'Not at all', 'Not at all'];
    for (const answer of answers) {
      await page.getByRole('radio', { name: answer }).click();
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByText('Question 9 of 10').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Choose an answer to go on.').waitFor();
    await shoot(page, 'questionnaire-required');
    await page.getByRole('radio', { name: 'Several days' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
    await shoot(page, 'questionnaire-review');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('dialog', { name: 'Thank you for telling us' }).waitFor();
    await shoot(page, 'questionnaire-safety-screen');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Thank you', exact: true }).waitFor();
    await shoot(page, 'questionnaire-thank-you');
  });

  // A programme check-in, opened directly (not due): labelled as not a clinical test.
  await signedIn(base, viewport, DEMO.participant, async (page) => {
    await page.goto(`${base}/measures/connected-check-in`);
    await page.getByText('Question 1 of 1').waitFor();
    await shoot(page, 'questionnaire-programme-check-in');
  });

  // Ada's queue: the urgent alert first, then Cedar's concern.
  await signedIn(base, viewport, DEMO.clinician, async (page) => {
    await page.goto(`${base}/alerts`);
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    await page.getByRole('list', { name: 'Active alerts' }).waitFor();
    await shoot(page, 'clinician-alerts');
    await page.getByRole('button', { name: /^Acknowledge the alert for Meadow/ }).click();
    await page.getByRole('status').getByText('You acknowledged the alert for Meadow').waitFor();
    await page.getByRole('button', { name: /^Resolve the alert for Meadow/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /Safety plan reviewed/ }).check();
    await dialog.getByLabel('Note (optional)').fill('Phoned Meadow the same afternoon; safety plan reviewed together, agreed check-in on Friday.');
    await shoot(page, 'clinician-alert-resolve');
    await dialog.getByRole('button', { name: 'Resolve alert' }).click();
    await page.getByRole('status').getByText('is resolved').waitFor();
    await page
      .locator('label')
      .filter({ hasText: /^Resolved$/ })
      .click();
    await page.getByRole('list', { name: 'Resolved alerts' }).waitFor();
    await top(page);
    await shoot(page, 'clinician-alerts-resolved');

    // Cedar's trajectory: three PHQ-9 answers, reliable deterioration.
    await page
      .locator('label')
      .filter({ hasText: /^Active$/ })
      .click();
    // Cedar has two active cards in the demo (his reach-out alert and the new concern): either link goes there.
    await page
      .getByRole('link', { name: /^Measures of Cedar/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Measures: Cedar' }).waitFor();
    await page.locator('.recharts-line').first().waitFor();
    await page.mouse.move(0, 0);
    await shoot(page, 'clinician-measures');
    await page.goto(`${base}/reports/outcomes`);
    await page.getByRole('heading', { name: /^PHQ-9:/ }).waitFor();
    await shoot(page, 'clinician-outcomes');
  });

  // The admin puts the urgent target back and sees the settings.
  await admin.send('PATCH', '/admin/settings', { 'alerts.urgent_ack_minutes': '60' });
  await signedIn(base, viewport, DEMO.admin, async (page) => {
    await page.goto(`${base}/admin/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByLabel('Escalate overdue alerts to').selectOption({ label: 'Ben Lindqvist (ben.clinician@demo.hearth.local)' });
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Settings saved').waitFor();
    await top(page);
    await shoot(page, 'admin-settings');
  });
}
