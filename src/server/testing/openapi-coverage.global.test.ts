import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import setup from './openapi-coverage.global.js';

// The run-level gate of testing/response-validation.ts: an answer the document does not declare
// fails the run (not a warning), whatever HEARTH_OPENAPI_COVERAGE says.

const saved = { dir: process.env.HEARTH_OPENAPI_COVERAGE_DIR, mode: process.env.HEARTH_OPENAPI_COVERAGE, exitCode: process.exitCode };
afterEach(() => {
  process.env.HEARTH_OPENAPI_COVERAGE_DIR = saved.dir;
  if (saved.mode === undefined) delete process.env.HEARTH_OPENAPI_COVERAGE;
  else process.env.HEARTH_OPENAPI_COVERAGE = saved.mode;
  process.exitCode = saved.exitCode;
});

describe('the OpenAPI gate at the end of a run', () => {
  it('fails the run, listing each answer once, when any answer strayed from the document', () => {
    delete process.env.HEARTH_OPENAPI_COVERAGE;
    const teardown = setup();
    const dir = process.env.HEARTH_OPENAPI_COVERAGE_DIR ?? '';
    const stray = 'GET /api/fhir/$export answered 403 as application/json, not one it declares (application/fhir+json)';
    fs.writeFileSync(path.join(dir, 'strays-1.list'), `${stray}\n`);
    fs.writeFileSync(path.join(dir, 'strays-2.list'), `${stray}\n`);
    expect(() => teardown()).toThrow(/OpenAPI: 1 answers the document does not declare[\s\S]*GET \/api\/fhir\/\$export answered 403/);
    expect(process.exitCode).toBe(1);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('passes a run whose answers all matched, outside the coverage check', () => {
    delete process.env.HEARTH_OPENAPI_COVERAGE;
    process.exitCode = 0;
    const teardown = setup();
    expect(() => teardown()).not.toThrow();
    expect(process.exitCode).toBe(0);
  });
});
