import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: every test process records, in one folder, the GET operations whose answers
 * the harness validated against the OpenAPI document (testing/response-validation.ts) and every
 * answer that did not match it. After the run, any such answer fails the run (its test has failed
 * already, when its app closed: this also catches a test that never closes its app); with
 * HEARTH_OPENAPI_COVERAGE=check (the integration tiers of `npm test`), so does a GET operation never
 * validated, unless it is listed below with the reason.
 */

/** GET operations the integration suite does not exercise with a successful answer, and why. */
// (Empty since session 10: GET /api/openapi.json was listed, but openapi.int.test.ts reads it through the harness, whose
// check now validates it as JSON too — the coverage check then failed on the stale entry.)
export const UNVALIDATED_GETS: Readonly<Record<string, string>> = {};

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-openapi-coverage-'));
  process.env.HEARTH_OPENAPI_COVERAGE_DIR = dir;
  return () => {
    try {
      const strays = new Set(
        fs
          .readdirSync(dir)
          .filter((f) => f.startsWith('strays-'))
          .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean)),
      );
      if (strays.size > 0) {
        // vitest reports an error thrown here as "error during close" and still exits 0: set the exit code too.
        process.exitCode = 1;
        throw new Error(`OpenAPI: ${strays.size} answers the document does not declare (fix the route's declaration, or the code):\n${[...strays].sort().join('\n')}`);
      }
      if (process.env.HEARTH_OPENAPI_COVERAGE !== 'check') return;
      const routesFile = path.join(dir, 'routes.list');
      if (!fs.existsSync(routesFile)) {
        process.exitCode = 1;
        throw new Error('OpenAPI coverage: no test validated any answer');
      }
      const lines = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);
      const validated = new Set(
        fs
          .readdirSync(dir)
          .filter((f) => f.startsWith('validated-'))
          .flatMap(lines),
      );
      const missing = lines('routes.list').filter((op) => !validated.has(op) && !(op in UNVALIDATED_GETS));
      const stale = Object.keys(UNVALIDATED_GETS).filter((op) => validated.has(op));
      const problems = [
        ...missing.map((op) => `${op}: no integration test received a successful answer validated against the document`),
        ...stale.map((op) => `${op}: validated after all, remove it from UNVALIDATED_GETS`),
      ];
      if (problems.length > 0) {
        // vitest reports an error thrown here as "error during close" and still exits 0: set the exit code too.
        process.exitCode = 1;
        throw new Error(`OpenAPI coverage:\n${problems.join('\n')}`);
      }
      console.log(`OpenAPI coverage: every GET operation validated (${validated.size} operations in all)`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
