import { defineConfig } from 'vitest/config';

// The tests the mutation gate (stryker.config.json, `npm run mutation`) runs against the membership
// rules: unit tests only, in-memory SQLite, well under a second each.
export default defineConfig({
  test: {
    include: ['src/server/policy/membership.test.ts', 'src/server/policy/membership-guard.test.ts', 'src/server/modules/moderation/decision.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});
