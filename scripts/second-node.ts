/**
 * Prepares a run of the test suite on a second Node.js major (22 by default; 24 works the same way:
 * `tsx scripts/second-node.ts 24`, or HEARTH_SECOND_NODE=24),
 * installed from the npm registry, beside the machine's own Node:
 *
 *   1. Node itself: the `node-<platform>-<arch>` package (the official binaries with their
 *      headers, as the `node` package installs them) into a cache folder.
 *   2. better-sqlite3 compiled for that Node's ABI (once per version: about 2 minutes on a quiet
 *      2-core machine, 7 under load): a copy of
 *      the installed package built with node-gyp against the downloaded headers. argon2 is a
 *      Node-API module (one binary for every Node version) and needs nothing.
 *   3. A copy of the working tree whose node_modules links every installed package except
 *      better-sqlite3, which links the copy built in 2. Nothing in the checkout changes, so
 *      the machine's Node keeps working on it meanwhile.
 *
 * The cache (HEARTH_NODE_CACHE, default ~/.cache/hearth) keeps 1 and 2 between runs; delete it to
 * take a newer release of that major. Usage: tsx scripts/second-node.ts [MAJOR] → prints the JSON that
 * scripts/test.ts reads ({ node, tree, version }).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface SecondNode {
  /** The node executable. */
  node: string;
  /** Its version, e.g. v22.23.5. */
  version: string;
  /** A copy of the working tree wired to modules built for it. */
  tree: string;
}

function step(message: string): void {
  console.log(`  [second Node] ${message}`);
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** 1. The Node binary of `major`, from the npm registry, cached. */
function installNode(cache: string, major: string): string {
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = path.join(cache, `node-${major}`);
  const node = path.join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (!fs.existsSync(node)) {
    step(`installing ${pkg}@${major} from the npm registry into ${prefix}`);
    fs.mkdirSync(prefix, { recursive: true });
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', prefix, `${pkg}@${major}`]);
  }
  return node;
}

/** node-gyp as npm ships it (the machine's npm), which builds for any Node given its headers. */
function nodeGyp(): string {
  const candidates = [
    process.env.npm_execpath ? path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : '',
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const found = candidates.find((candidate) => candidate && fs.existsSync(candidate));
  if (!found) throw new Error(`node-gyp not found (looked at ${candidates.filter(Boolean).join(', ')})`);
  return found;
}

/** A symbolic link at `link` to `target`, replacing whatever link (broken or not) was there. */
function relink(target: string, link: string): void {
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link);
}

/** 2. better-sqlite3 built for `node`'s ABI; returns the node_modules folder holding it (and links to its dependencies). */
function buildBetterSqlite(cache: string, node: string): string {
  const installed = path.join(root, 'node_modules', 'better-sqlite3');
  const { version, dependencies } = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
  const abi = execFileSync(node, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).trim();
  const modules = path.join(cache, `better-sqlite3-${version}-abi${abi}`, 'node_modules');
  const binary = path.join(modules, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binary)) {
    // The dependencies are links into the node_modules of the tree that built the cache; that tree
    // may be gone since (a CI clone, deleted): point them at this tree's packages, every run.
    for (const dependency of Object.keys(dependencies)) relink(path.join(root, 'node_modules', dependency), path.join(modules, dependency));
    return modules;
  }

  const started = Date.now();
  step(`building better-sqlite3 ${version} for ABI ${abi} (once; 2 to 7 minutes, by how busy the machine is)`);
  const building = `${modules}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  fs.cpSync(installed, path.join(building, 'better-sqlite3'), { recursive: true, filter: (source) => !source.startsWith(path.join(installed, 'build')) });
  for (const dependency of Object.keys(dependencies)) fs.symlinkSync(path.join(root, 'node_modules', dependency), path.join(building, dependency));
  const headers = path.dirname(path.dirname(node));
  // npm exports its own nodedir (npm_config_nodedir: the machine's Node), which node-gyp would
  // prefer to --nodedir: it must name the second Node's headers too.
  run(node, [nodeGyp(), 'rebuild', '--release', `--nodedir=${headers}`, `--jobs=${os.availableParallelism()}`], {
    cwd: path.join(building, 'better-sqlite3'),
    env: { ...process.env, npm_config_nodedir: headers },
  });
  // Built under a temporary name, then renamed: a run stopped half-way leaves no broken cache.
  fs.rmSync(modules, { recursive: true, force: true });
  fs.renameSync(building, modules);
  step(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return modules;
}

/** 3. A copy of the working tree (tracked and new files) with node_modules wired to `sqliteModules`. */
function copyTree(sqliteModules: string): string {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-second-node-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && fs.existsSync(path.join(root, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(tree, file));
  }
  const modules = path.join(tree, 'node_modules');
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
    // Tool caches (.vite, …) stay per tree; .bin's relative links resolve in the real folder.
    if (entry.startsWith('.') && entry !== '.bin') continue;
    const target = entry === 'better-sqlite3' ? path.join(sqliteModules, entry) : path.join(root, 'node_modules', entry);
    fs.symlinkSync(target, path.join(modules, entry));
  }
  return tree;
}

/** Everything needed to run the suite on Node `major` (see the file's comment). */
export function prepareSecondNode(major = process.env.HEARTH_SECOND_NODE ?? '22'): SecondNode {
  const cache = process.env.HEARTH_NODE_CACHE ?? path.join(os.homedir(), '.cache', 'hearth');
  const node = installNode(cache, major);
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const sqliteModules = buildBetterSqlite(cache, node);
  const tree = copyTree(sqliteModules);
  // Fails here, with the reason, rather than in every test file.
  execFileSync(node, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], { cwd: tree, stdio: 'inherit' });
  return { node, version, tree };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const major = process.argv[2] ?? process.env.HEARTH_SECOND_NODE ?? '22';
  if (!/^\d+$/.test(major)) throw new Error(`Expected one Node major (22, 24), got ${JSON.stringify(major)}`);
  console.log(JSON.stringify(prepareSecondNode(major)));
}
