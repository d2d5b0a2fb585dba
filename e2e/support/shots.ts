import type { Page } from 'playwright-core';
import { checkA11y, hasHorizontalScroll } from './a11y';

/** What a screen shows wrong as it is now: sideways scrolling, then each axe finding, one line each. */
export async function screenProblems(page: Page): Promise<string[]> {
  return [
    (await hasHorizontalScroll(page)) ? 'HORIZONTAL SCROLL' : '',
    ...(await checkA11y(page)).map((p) => `${p.rule} (${p.impact}): ${p.targets.slice(0, 3).join(', ')}`),
  ].filter(Boolean);
}

/**
 * Saves a full-page shot of `page` to `file`, prints `label` (the file's path unless told) with
 * the screen's problems under it, and returns the problems: the screenshot scripts' one way to
 * take a shot and say what is wrong with it.
 */
export async function saveShot(page: Page, file: string, label = file): Promise<string[]> {
  await page.screenshot({ path: file, fullPage: true });
  const problems = await screenProblems(page);
  console.log(`${label}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
  return problems;
}
