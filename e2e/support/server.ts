import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, startHearthProcess, type HearthProcess } from '../../src/server/testing/hearth-process';

/** A Hearth server started for one test file, on its own port and its own empty database. */
export type TestServer = HearthProcess;

/** Starts Hearth in its own process (see startHearthProcess); the web shell must already be built into dist/web. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  if (!webShellBuilt()) throw new Error('dist/web is missing: build the web shell first (npx vite build).');
  return startHearthProcess(env);
}

/** True when dist/web holds a build of the web shell. */
export function webShellBuilt(): boolean {
  return existsSync(path.join(repoRoot, 'dist', 'web', 'index.html'));
}

export { repoRoot };
