/**
 * Note-template screens for scripts/screenshots.ts (issue 16 item 3): the group page's link to its
 * programme, the lead clinician's programme screen with the note-template card (before and after
 * choosing SOAP), a new note drafted under SOAP with the session's topic pre-filled, the same
 * refused for signing while untouched, and a co-facilitator's read-only programme. Standalone, both widths:
 *   SKIP_BUILD=1 npx tsx scripts/screenshots-note-templates.ts   (writes ./screenshots/note-templates-*.png;
 *   SCREENSHOT_DIR to write elsewhere)
 */
import type { Page } from 'playwright-core';
import { runScript, type Shoot, shootAtBothWidths, signedIn } from '../e2e/support/shots';
import { DEMO } from '../e2e/support/app';
import { DESKTOP, type Viewport } from '../e2e/support/browser';
import { openDemoGroup, openPastSession } from '../e2e/support/groups';

async function openProgramme(page: Page): Promise<void> {
  await openDemoGroup(page);
  await page.getByRole('main').getByRole('link', { name: 'The Power of Connection' }).click();
  await page.getByRole('heading', { level: 1, name: 'The Power of Connection' }).waitFor();
  await page.getByRole('region', { name: 'Note template' }).waitFor();
}

export async function shootNoteTemplateScreens(base: string, viewport: Viewport, shoot: Shoot): Promise<void> {
  await signedIn(base, viewport, DEMO.clinician, async (page) => {
    await openDemoGroup(page);
    await shoot(page, 'group-programme-link');
    await page.getByRole('main').getByRole('link', { name: 'The Power of Connection' }).click();
    await page.getByRole('heading', { level: 1, name: 'The Power of Connection' }).waitFor();
    const card = page.getByRole('region', { name: 'Note template' });
    await card.scrollIntoViewIfNeeded();
    await shoot(page, 'programme-lead');
    await card.getByRole('radio', { name: /^SOAP/ }).check();
    await card.getByRole('button', { name: 'Use this template' }).click();
    await card.getByRole('status').getByText('New notes now follow the SOAP template', { exact: false }).waitFor();
    await shoot(page, 'programme-lead-soap-chosen');

    await page.goto(`${base}/`);
    // The past-sessions table is reached at desktop width; the note is then shot at the run's width.
    await page.setViewportSize(DESKTOP);
    await openPastSession(page, 7);
    await page.setViewportSize(viewport);
    await page.getByRole('textbox', { name: 'Objective' }).waitFor();
    await shoot(page, 'note-draft-soap');
    await page.getByRole('button', { name: 'Sign…' }).click();
    await page.getByRole('list', { name: 'Still to write' }).waitFor();
    await shoot(page, 'note-draft-soap-incomplete');
  });
  await signedIn(base, viewport, DEMO.clinician2, async (page) => {
    await openProgramme(page);
    await shoot(page, 'programme-co-facilitator-read-only');
  });
}

runScript('screenshots-note-templates.ts', () => shootAtBothWidths('note-templates', shootNoteTemplateScreens, { numbered: true }));
