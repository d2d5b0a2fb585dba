// @ts-check
/**
 * `npm run build`: compiles the server with esbuild into dist/server and builds the web app with
 * Vite into dist/web, each only when its sources changed since its last build (`--force` builds
 * both anyway). Plain JavaScript so that `npm start` can call it before anything is compiled.
 *
 * The server is bundled (npm packages stay external, loaded from node_modules as usual) into one
 * file per entry point: dist/server/main.js (the server), hearth.js (admin command line),
 * migrate.js and fhir-export-worker.js (the FHIR $export's worker thread, started from beside main.js). Files the server reads at run time are found next to the bundle: the risk model's
 * weights are copied beside it, and dist/web sits two folders up, as it does from src/server.
 * Type checking is not the build's job: `npm run typecheck` (and `npm test`) do it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');

/** Node versions the bundle must run on (package.json engines). */
const NODE_TARGET = 'node20.19';

/** Inputs and outputs of each half of the build; a half is stale when any input is newer than its stamp. */
const parts = {
  server: {
    inputs: ['src/server', 'src/shared', 'package-lock.json', 'scripts/build.mjs'],
    stamp: path.join(dist, 'server', '.built'),
    build: buildServer,
  },
  web: {
    inputs: ['src/web', 'src/shared', 'package-lock.json', 'vite.config.ts', 'scripts/build.mjs'],
    stamp: path.join(dist, 'web', '.built'),
    build: buildWeb,
  },
};

/** Files copied beside the server bundle: read at run time relative to the code that reads them. */
const RUNTIME_FILES = [['src/server/modules/risk/model-weights.json', 'model-weights.json']];

const SERVER_ENTRIES = {
  main: 'src/server/main.ts',
  hearth: 'src/server/cli/hearth.ts',
  migrate: 'src/server/cli/migrate.ts',
  // The FHIR $export's worker thread (modules/fhir/bulk-runner.ts starts it from beside main.js).
  'fhir-export-worker': 'src/server/modules/fhir/bulk-worker.ts',
};

/** Newest modification time (ms) of a file or of any file below a folder. */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when `part` was built after its inputs last changed. */
export function isCurrent(part) {
  const { inputs, stamp } = parts[part];
  const built = newestMtime(stamp);
  if (!built) return false;
  return inputs.every((input) => newestMtime(path.join(root, input)) <= built);
}

async function buildServer() {
  const esbuild = await import('esbuild');
  const outdir = path.join(dist, 'server');
  fs.rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: SERVER_ENTRIES,
    outdir,
    bundle: true,
    // Each entry point self-contained (no shared chunks), so code that finds files relative to
    // itself (import.meta.url) always runs from dist/server.
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const [from, to] of RUNTIME_FILES) fs.copyFileSync(path.join(root, from), path.join(outdir, to));
}

async function buildWeb() {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
}

/**
 * Builds the stale parts (or every part with `force`) and stamps them. Returns what was built.
 * @param {{ force?: boolean, only?: ('server' | 'web')[], log?: (line: string) => void }} [options]
 */
export async function build(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  /** @type {('server' | 'web')[]} */
  const wanted = options.only ?? ['server', 'web'];
  const built = [];
  for (const part of wanted) {
    if (!options.force && isCurrent(part)) continue;
    const started = Date.now();
    // Stamped before building: a source saved during the build is then newer and rebuilt next time.
    const stampTime = new Date();
    await parts[part].build();
    fs.mkdirSync(path.dirname(parts[part].stamp), { recursive: true });
    fs.writeFileSync(parts[part].stamp, `${stampTime.toISOString()}\n`);
    fs.utimesSync(parts[part].stamp, stampTime, stampTime);
    log(`Built ${part === 'server' ? 'the server (dist/server)' : 'the web app (dist/web)'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    built.push(part);
  }
  return built;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const only = /** @type {('server' | 'web')[]} */ (args.filter((a) => a === 'server' || a === 'web'));
  build({ force: args.includes('--force'), ...(only.length ? { only } : {}) }).then(
    (built) => {
      if (!built.length) console.log('The build is up to date (npm run build -- --force rebuilds).');
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
