import { defineConfig } from 'vitest/config';

// Unit tests (`*.test.ts`) and integration tests (`*.int.test.ts`) live next to the code they test.
// HEARTH_TEST_DB=postgres runs the integration tests against TEST_DATABASE_URL instead of SQLite.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Records which GET operations had an answer validated against the OpenAPI document.
    globalSetup: ['src/server/testing/openapi-coverage.global.ts'],
  },
});
