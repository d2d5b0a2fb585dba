import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { checkA11y, hasHorizontalScroll, type A11yProblem } from './a11y';
import { signIn } from './app';
import { DESKTOP, PHONE, openBrowser, type TestBrowser, type Viewport } from './browser';
import { repoRoot, startServer } from './server';

// The screenshot scripts' (scripts/screenshots*.ts) one set-up: build, a fresh demo server per
// width, a browser per person, a settled screen, the shot and what is wrong with it.

/** One screenshot and what was found wrong on its screen. */
export interface ShotRecord {
  /** The file's name in the run's folder. */
  file: string;
  /** The page's path when it was shot. */
  url: string;
  horizontalScroll: boolean;
  a11y: A11yProblem[];
  /** Every finding, one line each (sideways scrolling, axe, then the script's own check). */
  problems: string[];
}

/** Sideways scrolling, then each axe finding, one line each. */
function problemLines(horizontalScroll: boolean, a11y: A11yProblem[]): string[] {
  return [horizontalScroll ? 'HORIZONTAL SCROLL' : '', ...a11y.map((p) => `${p.rule} (${p.impact}): ${p.targets.slice(0, 3).join(', ')}`)].filter(Boolean);
}

/**
 * Waits until a screen has settled: the network idle, any loader gone, transitions over. Then
 * scrolls to the top, unless a menu is open (a menu hides itself once its button scrolls out of
 * view), since a full-page shot taken scrolled down draws the sticky header part-way down the page.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.mantine-Loader')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  const menus = await page.getByRole('menu').filter({ visible: true }).count();
  if (menus === 0) await page.evaluate(() => window.scrollTo(0, 0));
}

/** Where a script's files go: SCREENSHOT_DIR when set, else ./screenshots or the folder `dir` in it. */
export function shotsFolder(dir = ''): string {
  return path.resolve(process.env.SCREENSHOT_DIR ?? path.join(repoRoot, 'screenshots', dir));
}

/** A script's own check of a screen: more problem lines, and a note printed after the file's name. */
export type ScreenCheck = (page: Page) => Promise<{ problems: string[]; note?: string }>;

/**
 * Saves a full-page shot of `page` to `file`, prints its name with the screen's problems under it,
 * and returns what was found: the screenshot scripts' one way to take a shot.
 */
export async function saveShot(page: Page, file: string, check?: ScreenCheck): Promise<ShotRecord> {
  await page.screenshot({ path: file, fullPage: true });
  const horizontalScroll = await hasHorizontalScroll(page);
  const a11y = await checkA11y(page);
  const own = check ? await check(page) : { problems: [] };
  const problems = [...problemLines(horizontalScroll, a11y), ...own.problems];
  console.log(`${path.basename(file)}${own.note ? `  ${own.note}` : ''}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
  const url = page.url().startsWith('http') ? new URL(page.url()).pathname : page.url();
  return { file: path.basename(file), url, horizontalScroll, a11y, problems };
}

/** A fresh browser at `viewport`, handed to `use` and closed afterwards, whatever happens. */
export async function inBrowser<T>(viewport: Viewport, use: (page: Page, browser: TestBrowser) => Promise<T>): Promise<T> {
  const b = await openBrowser(viewport);
  try {
    return await use(b.page, b);
  } finally {
    await b.close();
  }
}

/** inBrowser, signed in as `email` on the server at `base` first (`keepOffer`: see signIn). */
export function signedIn<T>(
  base: string,
  viewport: Viewport,
  email: string,
  use: (page: Page, browser: TestBrowser) => Promise<T>,
  options: { keepOffer?: boolean } = {},
): Promise<T> {
  return inBrowser(viewport, async (page, b) => {
    await signIn(page, base, email, options);
    return use(page, b);
  });
}

/** Shoots the screen `page` shows now, as `name`. */
export type Shoot = (page: Page, name: string) => Promise<void>;

/** A script's screens at one width, against a running server: `shoot(page, name)` once each screen is ready. */
export type ShootScreens = (base: string, viewport: Viewport, shoot: Shoot) => Promise<void>;

export interface ShotOptions {
  /** A folder under ./screenshots for this script's files (default: ./screenshots itself). SCREENSHOT_DIR overrides either. */
  dir?: string;
  /** Number the files in the order they were shot at each width (`<prefix>-07-<name>-<width>.png`). */
  numbered?: boolean;
  /** The server's extra environment. */
  env?: Record<string, string>;
  /** The widths to shoot at (default 1280 and 375 px). */
  viewports?: Viewport[];
  /** Something more to look for on each screen. */
  check?: ScreenCheck;
  /** Also write the records to report.json in the folder. */
  report?: boolean;
}

/**
 * A screenshot script's whole run: builds the web app unless SKIP_BUILD is set, then at each width
 * starts a fresh demo server and shoots `screens`, each once settled, into
 * <folder>/<prefix>-<name>-<width>.png (no prefix: <name>-<width>.png). Prints a summary line and
 * returns every shot's record.
 */
export async function shootAtBothWidths(prefix: string, screens: ShootScreens, options: ShotOptions = {}): Promise<ShotRecord[]> {
  if (!process.env.SKIP_BUILD) await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  const outDir = shotsFolder(options.dir);
  await mkdir(outDir, { recursive: true });
  const records: ShotRecord[] = [];
  for (const viewport of options.viewports ?? [DESKTOP, PHONE]) {
    const server = await startServer(options.env);
    let shot = 0;
    try {
      await screens(server.baseUrl, viewport, async (page, name) => {
        await settle(page);
        shot += 1;
        const number = options.numbered ? String(shot).padStart(2, '0') : '';
        const file = [prefix, number, name, String(viewport.width)].filter(Boolean).join('-');
        records.push(await saveShot(page, path.join(outDir, `${file}.png`), options.check));
      });
    } catch (error) {
      console.error(server.output().split('\n').slice(-30).join('\n'));
      throw error;
    } finally {
      await server.stop();
    }
  }
  if (options.report) await writeFile(path.join(outDir, 'report.json'), JSON.stringify(records, null, 2));
  console.log(`\n${records.length} screenshots in ${outDir}; ${records.filter((r) => r.problems.length).length} with problems.`);
  return records;
}

/**
 * Runs a script's `main` when the script itself was started (`npx tsx scripts/<name>`), not when
 * another script imports its screens; exits 1 when it throws or finds problems (with `strict`).
 */
export function runScript(name: string, main: () => Promise<ShotRecord[] | void>, { strict = false } = {}): void {
  if (path.basename(process.argv[1] ?? '') !== name) return;
  main().then(
    (records) => {
      if (strict && records?.some((r) => r.problems.length)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
