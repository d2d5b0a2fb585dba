import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium with playwright-core against a real server process.
// The limits are set for CI, a machine 2–3× slower than a developer's: the longest test takes about
// 40 s here under load, so a test gets 4 minutes before it counts as hung; each file's server start
// and demo seed the same.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
    expect: {
      // expect.poll waits for a page's final state (a list refreshed after a change, a search's
      // answer): Vitest's default of 1 s is shorter than a slow machine takes to get there.
      poll: { timeout: 15_000 },
    },
  },
});
