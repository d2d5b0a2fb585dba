/**
 * Risk screens: the composer's notice when a member's words say someone is in danger from them
 * (emergency and safeguarding numbers first), and the journal's support card after a risky entry.
 *   npx tsx scripts/screenshots-risk.ts   (builds dist/web unless SKIP_BUILD=1; writes ./screenshots/risk-*.png at 1280 and 375 px)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { checkA11y } from '../e2e/support/a11y';
import { DEMO, signIn } from '../e2e/support/app';
import { DESKTOP, openBrowser, PHONE } from '../e2e/support/browser';
import { repoRoot, startServer } from '../e2e/support/server';

async function main(): Promise<void> {
  if (!process.env.SKIP_BUILD) await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
  const outDir = path.join(repoRoot, 'screenshots');
  await mkdir(outDir, { recursive: true });
  for (const viewport of [DESKTOP, PHONE]) {
    const server = await startServer();
    const b = await openBrowser(viewport);
    try {
      const page = b.page;
      const shoot = async (name: string) => {
        await page.waitForTimeout(400);
        const findings = await checkA11y(page);
        console.log(`${name} ${viewport.width}px: ${findings.length} accessibility findings`);
        await page.screenshot({ path: path.join(outDir, `risk-${name}-${viewport.width}.png`), fullPage: true });
      };
      await signIn(page, server.baseUrl, DEMO.participant);
      await page.goto(`${server.baseUrl}/journal`);
      await page.getByLabel('Your reflection').fill('he said he will kill me when he gets home tonight and I am scared');
      await page.getByRole('button', { name: 'Save entry' }).click();
      await page.getByTestId('journal-support').waitFor();
      await shoot('journal-support');
      const groups = (await (await page.request.get(`${server.baseUrl}/api/groups`)).json()) as { groups: { id: string }[] };
      await page.goto(`${server.baseUrl}/groups/${groups.groups[0]?.id ?? ''}/space/chat`);
      await page.getByRole('heading', { level: 2, name: 'Group chat' }).waitFor();
      await page.getByLabel('Message the group').fill("he's at the door with a knife and says he'll kill me");
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByTestId('risk-notice').waitFor();
      await shoot('danger-notice');
    } finally {
      await b.close();
      await server.stop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
