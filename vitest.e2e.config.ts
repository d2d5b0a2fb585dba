import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium with playwright-core against a real server process.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
