import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { openBrowser, PHONE } from '../../e2e/support/browser.js';
import type { Benchmark, BenchContext } from '../lib/benchmark.js';
import { startHearth } from '../lib/hearth.js';

const WEB_INDEX = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
/** A slow phone connection: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips (Lighthouse's "slow 4G"). */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const TARGETS = { usableMs: 2500, signInKiB: 250 };
const COLD_RUNS = 5;

interface Visit {
  usableMs: number;
  /** Bytes on the wire (compressed) for scripts and style sheets. */
  codeBytes: number;
  /** Requests for hashed assets that went to the network (a repeat visit should make none). */
  assetRequests: number;
  assetRevalidations: number;
}

/** Loads the sign-in page through a throttled connection until the form can be used. */
async function visit(page: Page, cdp: CDPSession, url: string): Promise<Visit> {
  const sizes = new Map<string, { type: string; bytes: number; asset: boolean; cached: boolean; status: number }>();
  const onResponse = (e: { requestId: string; type: string; response: { url: string; fromDiskCache?: boolean; fromMemoryCache?: boolean; status: number } }): void => {
    sizes.set(e.requestId, {
      type: e.type,
      bytes: 0,
      asset: new URL(e.response.url).pathname.startsWith('/assets/'),
      cached: !!(e.response.fromDiskCache || e.response.fromMemoryCache),
      status: e.response.status,
    });
  };
  const onFinished = (e: { requestId: string; encodedDataLength: number }): void => {
    const entry = sizes.get(e.requestId);
    if (entry) entry.bytes = e.encodedDataLength;
  };
  const fromCache = new Set<string>();
  const onCache = (e: { requestId: string }): void => void fromCache.add(e.requestId);
  cdp.on('Network.requestServedFromCache', onCache);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  // Usable: the e-mail field is on screen and takes typing.
  const email = page.getByLabel('E-mail');
  await email.waitFor({ state: 'visible', timeout: 60_000 });
  await email.fill('usable@example.org');
  const usableMs = performance.now() - started;
  await page.waitForLoadState('load');
  cdp.off('Network.requestServedFromCache', onCache);
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  for (const id of fromCache) {
    const entry = sizes.get(id);
    if (entry) entry.cached = true;
  }
  const all = [...sizes.values()];
  return {
    usableMs,
    codeBytes: all.filter((s) => (s.type === 'Script' || s.type === 'Stylesheet') && !s.cached).reduce((n, s) => n + s.bytes, 0),
    assetRequests: all.filter((s) => s.asset && !s.cached).length,
    assetRevalidations: all.filter((s) => s.asset && s.status === 304).length,
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const verdict = (label: string, value: number, op: '<' | '≤', target: number, unit: string): string =>
  `  ${(op === '<' ? value < target : value <= target) ? 'PASS' : 'FAIL'}  ${label}: ${value.toFixed(0)} ${unit} (target ${op} ${target} ${unit})`;

/**
 * First load of the sign-in page on a phone over a slow connection, in real Chromium against a
 * real Hearth serving its production build: time until the form is usable, compressed bytes of
 * code and styles, and whether a repeat visit fetches hashed assets again.
 */
export const webBench: Benchmark = {
  name: 'web',
  description: 'sign-in page on a phone at 1.6 Mbit/s and 150 ms RTT in Chromium: time until usable, compressed JS+CSS, repeat visit without revalidation',
  async run(ctx: BenchContext) {
    if (!fs.existsSync(WEB_INDEX) || process.env.BENCH_WEB_BUILD === '1') {
      const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
      if (built.status !== 0) throw new Error('vite build failed');
    }
    const target = ctx.databases.find((d) => d.kind === 'sqlite') ?? ctx.databases[0];
    if (!target) throw new Error('no database to run Hearth on');
    const database = await target.provision();
    const server = await startHearth(database);
    try {
      const url = `${server.url}/sign-in`;
      const cold: Visit[] = [];
      let repeat: Visit | null = null;
      for (let i = 0; i < COLD_RUNS; i++) {
        const browser = await openBrowser(PHONE);
        try {
          const cdp = await browser.context.newCDPSession(browser.page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', NETWORK);
          cold.push(await visit(browser.page, cdp, url));
          // The same phone comes back: hashed assets come from its cache, unasked.
          if (i === 0) repeat = await visit(browser.page, cdp, url);
        } finally {
          await browser.close();
        }
      }
      const usable = median(cold.map((v) => v.usableMs));
      const kib = median(cold.map((v) => v.codeBytes)) / 1024;
      console.log(
        `\nSign-in page, phone (375 × 812), ${NETWORK.latency} ms RTT, 1.6 Mbit/s down, ${COLD_RUNS} cold visits (median; min ${Math.min(...cold.map((v) => v.usableMs)).toFixed(0)} ms, max ${Math.max(...cold.map((v) => v.usableMs)).toFixed(0)} ms)`,
      );
      console.log(`  usable after ${usable.toFixed(0)} ms; JS + CSS on the wire ${kib.toFixed(0)} KiB`);
      if (repeat)
        console.log(`  repeat visit: usable after ${repeat.usableMs.toFixed(0)} ms; ${repeat.assetRequests} hashed assets fetched, ${repeat.assetRevalidations} revalidated (304)`);
      console.log('\nTargets');
      console.log(verdict('sign-in form usable', usable, '<', TARGETS.usableMs, 'ms'));
      console.log(verdict('compressed JS + CSS on the sign-in page', kib, '≤', TARGETS.signInKiB, 'KiB'));
      console.log(verdict('hashed assets fetched or revalidated on a repeat visit', (repeat?.assetRequests ?? 1) + (repeat?.assetRevalidations ?? 0), '≤', 0, ''));
    } finally {
      await server.stop();
      await database.dispose();
    }
  },
};
