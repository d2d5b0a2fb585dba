/**
 * Note-template screens for scripts/screenshots.ts (issue 16 item 3): the group page's link to its
 * programme, the lead clinician's programme screen with the note-template card (before and after
 * choosing SOAP), a new note drafted under SOAP with the session's topic pre-filled, the same
 * refused for signing while untouched, and a co-facilitator's read-only programme. Standalone, both widths:
 *   SKIP_BUILD=1 npx tsx scripts/screenshots-note-templates.ts   (writes ./screenshots/note-templates-*.png;
 *   SCREENSHOT_DIR to write elsewhere)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { saveShot } from '../e2e/support/shots';
import { DEMO, signIn } from '../e2e/support/app';
import { DESKTOP, openBrowser, PHONE } from '../e2e/support/browser';
import { openDemoGroup, openPastSession } from '../e2e/support/groups';
import { repoRoot, startServer } from '../e2e/support/server';

type Shoot = (page: Page, name: string) => Promise<void>;

async function openProgramme(page: Page): Promise<void> {
  await openDemoGroup(page);
  await page.getByRole('main').getByRole('link', { name: 'The Power of Connection' }).click();
  await page.getByRole('heading', { level: 1, name: 'The Power of Connection' }).waitFor();
  await page.getByRole('region', { name: 'Note template' }).waitFor();
}

export async function shootNoteTemplateScreens(base: string, viewport: { width: number; height: number }, shoot: Shoot): Promise<void> {
  const b = await openBrowser(viewport);
  const page = b.page;
  try {
    await signIn(page, base, DEMO.clinician);
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
  } finally {
    await b.close();
  }
  const c = await openBrowser(viewport);
  try {
    await signIn(c.page, base, DEMO.clinician2);
    await openProgramme(c.page);
    await shoot(c.page, 'programme-co-facilitator-read-only');
  } finally {
    await c.close();
  }
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(repoRoot, 'screenshots'));
  await mkdir(outDir, { recursive: true });
  let findings = 0;
  for (const viewport of [DESKTOP, PHONE]) {
    const server = await startServer();
    let n = 0;
    try {
      await shootNoteTemplateScreens(server.baseUrl, viewport, async (page, name) => {
        await page.waitForLoadState('networkidle').catch(() => undefined);
        await page.waitForTimeout(300);
        // A full-page shot of a scrolled page draws the fixed header halfway down.
        await page.evaluate(() => window.scrollTo(0, 0));
        n += 1;
        const file = path.join(outDir, `note-templates-${String(n).padStart(2, '0')}-${name}-${viewport.width}.png`);
        const problems = await saveShot(page, file);
        findings += problems.length ? 1 : 0;
      });
    } finally {
      await server.stop();
    }
  }
  console.log(`${findings} screen(s) with findings.`);
}

if (process.argv[1]?.endsWith('screenshots-note-templates.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
