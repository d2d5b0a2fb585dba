import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newSecretToken } from '../../lib/ids.js';
import { logSafeRequest, maskFeedUrl } from './log-redaction.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('maskFeedUrl', () => {
  const token = newSecretToken();

  it('masks the token of a calendar-feed address, however it is spelt', () => {
    for (const url of [
      `/api/calendar/${token}.ics`,
      `/api/calendar/${token}`,
      `/api/calendar/${token}.ics?x=1`,
      `/API/Calendar/${token}.ics`,
      `//api//calendar/${token}.ics`,
      `/api/%63alendar/${token}.ics`,
    ]) {
      const masked = maskFeedUrl(url);
      expect(masked, url).toBe('/api/calendar/[redacted]');
      expect(masked).not.toContain(token);
    }
  });

  it('leaves every other address as it is', () => {
    for (const url of ['/api/me/calendar-feed', '/api/groups/1/attendance.csv?from=2026-01-01', '/api/calendarx/abc', '/%E0%A4%A']) {
      expect(maskFeedUrl(url)).toBe(url);
    }
    expect(maskFeedUrl(undefined)).toBeUndefined();
  });

  it('serialises a request like Fastify does, minus the token', () => {
    const line = logSafeRequest({
      method: 'GET',
      url: `/api/calendar/${token}.ics`,
      headers: { 'accept-version': '1' },
      host: 'hearth.example.org',
      ip: '127.0.0.1',
      socket: { remotePort: 5555 },
    });
    expect(line).toEqual({ method: 'GET', url: '/api/calendar/[redacted]', version: '1', host: 'hearth.example.org', remoteAddress: '127.0.0.1', remotePort: 5555 });
  });
});

describe('the server log', () => {
  it('never contains a feed token, with the app’s own logger configuration', () => {
    // The app's real logger writes to standard output, so it is read from a child process.
    const token = newSecretToken();
    const script = `
      const { buildApp } = await import(${JSON.stringify(path.resolve(here, '../../app.ts'))});
      const { loadConfig } = await import(${JSON.stringify(path.resolve(here, '../../config/env.ts'))});
      const { openDatabase } = await import(${JSON.stringify(path.resolve(here, '../../db/database.ts'))});
      const { migrateToLatest } = await import(${JSON.stringify(path.resolve(here, '../../db/migrate.ts'))});
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', HEARTH_DEMO_SEED: 'false' });
      const database = openDatabase({ kind: 'sqlite', sqliteFile: ':memory:' });
      await migrateToLatest(database.db);
      const app = await buildApp({ config, database });
      await app.ready();
      const response = await app.inject({ method: 'GET', url: '/api/calendar/${token}.ics' });
      await app.inject({ method: 'GET', url: '/api/health' });
      await app.close();
      await database.close();
      process.stderr.write('status ' + response.statusCode);
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      cwd: path.resolve(here, '../../../..'),
      encoding: 'utf8',
      timeout: 80_000,
    });
    expect(child.stderr).toContain('status 404');
    expect(child.stdout).toContain('/api/calendar/[redacted]');
    expect(child.stdout).toContain('/api/health');
    expect(child.stdout + child.stderr).not.toContain(token);
  }, 90_000);
});
