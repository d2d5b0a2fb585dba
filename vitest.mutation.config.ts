import { defineConfig } from 'vitest/config';
import { MODULES_ENV, selectModules } from './scripts/mutation-modules.js';

// The tests the mutation gate (scripts/mutation-gate.ts, `npm run mutate`) runs: only those of the
// modules being mutated (HEARTH_MUTATION_MODULES, set by the gate; all modules otherwise). Unit tests
// and integration tests on in-memory SQLite, so every mutant is judged in about a second.
const tests = [...new Set(selectModules(process.env[MODULES_ENV]).flatMap((m) => m.tests))];

export default defineConfig({
  test: {
    include: tests,
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
