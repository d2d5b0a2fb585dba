import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_VARIABLES, loadConfig } from './config/env.js';
import { repoRoot } from './testing/hearth-process.js';

// The deployment files (Dockerfile, compose.yaml, deploy/) read as the tools would read them,
// checked against the server they deploy. Building and running the image needs a Docker daemon:
// without one that part is skipped and says why (also under CI=true: there is nothing to run).

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
  stop_grace_period?: string;
}
const compose = parse(read('compose.yaml')) as { services: Record<string, ComposeService> };
const dockerfile = read('Dockerfile');
const caddyfile = read('deploy/Caddyfile');
const unit = read('deploy/hearth.service');

/** Compose's `${NAME:-default}` / `${NAME:?message}` with sample values, as `docker compose` would fill them in. */
function interpolate(value: string): string {
  const sample: Record<string, string> = { POSTGRES_PASSWORD: 'sample-password' };
  return value.replace(/\$\{(\w+)(?::[-?]([^}]*))?\}/g, (_, name: string, fallback?: string) => sample[name] ?? fallback ?? '');
}

const hearthServices = Object.entries(compose.services).filter(([, service]) => service.build === '.');
const seconds = (duration: string) => Number(/^(\d+)s$/.exec(duration)?.[1]);

describe('compose.yaml', () => {
  it('runs PostgreSQL, two Hearth instances from this Dockerfile and a proxy in front of them', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['hearth-1', 'hearth-2', 'postgres', 'proxy']);
    expect(hearthServices.map(([name]) => name)).toEqual(['hearth-1', 'hearth-2']);
    expect(compose.services.postgres!.healthcheck?.test.join(' ')).toContain('pg_isready');
    for (const [, service] of hearthServices) expect(service.depends_on?.postgres?.condition).toBe('service_healthy');
    const proxy = compose.services.proxy!;
    expect(proxy.depends_on).toEqual({ 'hearth-1': { condition: 'service_healthy' }, 'hearth-2': { condition: 'service_healthy' } });
    expect(proxy.ports).toContain('443:443');
    const mounted = proxy.volumes?.find((volume) => volume.endsWith(':/etc/caddy/Caddyfile:ro'));
    expect(mounted, 'the proxy mounts deploy/Caddyfile').toBe('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
  });

  it('gives each instance a configuration Hearth accepts: PostgreSQL, behind one TLS proxy, no unknown variable', () => {
    for (const [name, service] of hearthServices) {
      const environment = Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(value)]));
      expect(
        Object.keys(environment).filter((key) => !ENV_VARIABLES.includes(key)),
        name,
      ).toEqual([]);
      const config = loadConfig({ ...environment, NODE_ENV: 'production' });
      expect(config.databaseKind, name).toBe('postgres');
      expect(new URL(config.databaseUrl!).hostname).toBe('postgres');
      expect(config.behindTlsProxy).toBe(true);
      // One proxy appends to X-Forwarded-For: more would let a client choose its own address.
      expect(config.trustedProxies).toBe(1);
      expect(config.publicUrl).toBe('https://localhost');
      // The orchestrator waits longer than the server's own limit before SIGKILL.
      expect(seconds(service.stop_grace_period ?? '10s') * 1000).toBeGreaterThan(config.shutdownTimeoutMs);
    }
  });
});

describe('deploy/Caddyfile', () => {
  it('balances over exactly the compose instances on the container port, routing only to ready ones', () => {
    const port = /ENV[^#]*\bPORT=(\d+)/.exec(dockerfile)?.[1];
    expect(port).toBe('3000');
    const upstreams = /reverse_proxy\s+([^{]+)\{/.exec(caddyfile)?.[1]?.trim().split(/\s+/);
    expect(upstreams).toEqual(hearthServices.map(([name]) => `${name}:${port}`));
    expect(caddyfile).toMatch(/health_uri \/api\/health\/ready/);
  });

  it('lets no client choose its X-Forwarded-For: no trusted_proxies, no header passed through or set by hand', () => {
    // Without trusted_proxies Caddy replaces a client's X-Forwarded-For with the client's address.
    const directives = caddyfile
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean);
    expect(directives.filter((line) => /trusted_proxies|X-Forwarded-For/i.test(line))).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const final = stages.at(-1) ?? '';

  it('builds in one stage and runs from another that copies only the build output and production dependencies', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/RUN npm run build/);
    expect(stages[0]).toMatch(/npm prune --omit=dev/);
    expect(final).not.toMatch(/^COPY (?!--from=)/m);
    expect(final).toMatch(/NODE_ENV=production/);
  });

  it('runs node on the compiled server as a non-root user, with a readiness health check', () => {
    const user = /^USER (\S+)/m.exec(final)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(final.indexOf('USER ')).toBeLessThan(final.indexOf('CMD '));
    expect(final).toMatch(/^HEALTHCHECK .*\n?.*\/api\/health\/ready/m);
    expect(final).toMatch(/^CMD \["node", "dist\/server\/main\.js"\]$/m);
  });

  it('sends the build context without node_modules, earlier builds or data', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', 'data', '.git']) expect(ignored).toContain(entry);
  });
});

describe('deploy/hearth.service (systemd)', () => {
  it('starts node on the compiled server directly and waits longer than the server does before SIGKILL', () => {
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node \/opt\/hearth\/dist\/server\/main\.js$/m);
    expect(unit).toMatch(/^User=hearth$/m);
    expect(unit).toMatch(/^Environment=NODE_ENV=production$/m);
    const stopSeconds = Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)?.[1]);
    expect(stopSeconds * 1000).toBeGreaterThan(loadConfig({ NODE_ENV: 'production' }).shutdownTimeoutMs);
  });

  it('comes with an environment file of known variables that Hearth accepts', () => {
    const lines = read('deploy/hearth.env.example')
      .split('\n')
      .filter((line) => /^\w+=/.test(line));
    const environment = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    expect(Object.keys(environment).filter((key) => !ENV_VARIABLES.includes(key))).toEqual([]);
    expect(loadConfig({ ...environment, NODE_ENV: 'production' }).trustedProxies).toBe(1);
  });
});

/** Why Docker cannot be used here, or null when a daemon answers. */
function dockerProblem(): string | null {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 15_000 });
  if (info.error) return `no docker command (${info.error.message})`;
  if (info.status !== 0) return `no Docker daemon answers (${(info.stderr || info.stdout).trim().split('\n')[0]})`;
  return null;
}
const noDocker = dockerProblem();
if (noDocker) console.log(`Docker image and compose tests SKIPPED: ${noDocker}`);
const docker = (args: string[], timeout = 60_000) => spawnSync('docker', args, { cwd: repoRoot, encoding: 'utf8', timeout });

describe.skipIf(noDocker !== null)(`the image${noDocker ? ` — SKIPPED: ${noDocker}` : ''}`, () => {
  it('builds, becomes healthy as a non-root user on SQLite, and stops on SIGTERM with code 0', { timeout: 20 * 60_000 }, async () => {
    const tag = `hearth-test:${process.pid}`;
    const build = docker(['build', '-t', tag, '.'], 15 * 60_000);
    expect(build.status, build.stderr).toBe(0);
    const run = docker(['run', '-d', '-e', 'HEARTH_READY_MIN_FREE_MB=0', tag]);
    expect(run.status, run.stderr).toBe(0);
    const container = run.stdout.trim();
    try {
      let health = '';
      const deadline = Date.now() + 180_000;
      while (Date.now() < deadline && health !== 'healthy') {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        health = docker(['inspect', '--format', '{{.State.Health.Status}}', container]).stdout.trim();
      }
      expect(health, docker(['logs', container]).stdout).toBe('healthy');
      expect(docker(['exec', container, 'id', '-u']).stdout.trim()).not.toBe('0');
      expect(docker(['stop', '--time', '20', container]).status).toBe(0);
      expect(docker(['inspect', '--format', '{{.State.ExitCode}}', container]).stdout.trim()).toBe('0');
    } finally {
      docker(['rm', '-f', container]);
      docker(['rmi', tag]);
    }
  });

  it('compose.yaml is valid for docker compose', () => {
    const config = spawnSync('docker', ['compose', 'config', '--quiet'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, POSTGRES_PASSWORD: 'sample' } });
    expect(config.status, config.stderr).toBe(0);
  });
});
