import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.js';

/** The error message loadConfig throws for an environment, or '' when it loads. */
function failureFor(env: Record<string, string>): string {
  try {
    loadConfig(env);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('loadConfig', () => {
  it('fills in safe defaults for development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseKind: 'sqlite',
      databaseUrl: undefined,
      publicUrl: undefined,
      serviceName: 'Hearth',
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      inviteTtlMs: 7 * 86_400_000,
      requireStaffMfa: false,
      demoSeed: true,
      behindTlsProxy: false,
      insecureCookies: false,
      bodyLimit: 256 * 1024,
      loginMaxFailures: 5,
      loginWindowMs: 15 * 60_000,
      logLevel: 'info',
    });
    expect(config.dataDir).toBe(path.resolve('./data'));
  });

  it('writes dates in the service’s locale and time zone, UK by default, and refuses ones that do not exist', () => {
    expect(loadConfig({})).toMatchObject({ locale: 'en-GB', timeZone: 'Europe/London' });
    expect(loadConfig({ HEARTH_LOCALE: 'en-US', HEARTH_TIMEZONE: 'America/New_York' })).toMatchObject({ locale: 'en-US', timeZone: 'America/New_York' });
    expect(failureFor({ HEARTH_LOCALE: 'not a locale!' })).toMatch(/HEARTH_LOCALE/);
    expect(failureFor({ HEARTH_TIMEZONE: 'Mars/Olympus_Mons' })).toMatch(/HEARTH_TIMEZONE/);
  });

  it('makes staff MFA required and the demo seed off in production', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(config.requireStaffMfa).toBe(true);
    expect(config.demoSeed).toBe(false);
  });

  it('lets an explicit setting win over the environment default', () => {
    expect(loadConfig({ NODE_ENV: 'production', HEARTH_DEMO_SEED: 'true' }).demoSeed).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', HEARTH_REQUIRE_STAFF_MFA: '1' }).requireStaffMfa).toBe(true);
    expect(loadConfig({ HEARTH_DEMO_SEED: '0' }).demoSeed).toBe(false);
  });

  it('reads PostgreSQL from a postgres URL, SQLite otherwise', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://hearth@db:5432/hearth' }).databaseKind).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: 'postgresql://hearth@db/hearth' }).databaseKind).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: 'file:./hearth.db' }).databaseKind).toBe('sqlite');
  });

  it('converts minutes, hours and days, and trims the public URL', () => {
    const config = loadConfig({
      HEARTH_SESSION_IDLE_MINUTES: '10',
      HEARTH_SESSION_ABSOLUTE_HOURS: '2',
      HEARTH_INVITE_DAYS: '3',
      HEARTH_LOGIN_WINDOW_MINUTES: '5',
      HEARTH_PUBLIC_URL: 'https://hearth.example.org/',
      PORT: '8080',
    });
    expect(config.sessionIdleMs).toBe(600_000);
    expect(config.sessionAbsoluteMs).toBe(7_200_000);
    expect(config.inviteTtlMs).toBe(259_200_000);
    expect(config.loginWindowMs).toBe(300_000);
    expect(config.publicUrl).toBe('https://hearth.example.org');
    expect(config.port).toBe(8080);
  });

  it.each(['abc', '70000', '-1', '3000.5'])('refuses PORT=%j with a message that names it', (port) => {
    const message = failureFor({ PORT: port });
    expect(message).toMatch(/^Invalid configuration:\n/);
    expect(message).toMatch(/^ {2}PORT: \S.*$/m);
  });

  it('lists every bad variable at once, one per line', () => {
    const message = failureFor({
      PORT: 'abc',
      NODE_ENV: 'staging',
      HEARTH_DEMO_SEED: 'yes',
      HEARTH_PUBLIC_URL: 'not a url',
      HEARTH_BODY_LIMIT_BYTES: '10',
    });
    const lines = message.split('\n').slice(1);
    expect(lines.map((line) => line.trim().split(':')[0]).sort()).toEqual(['HEARTH_BODY_LIMIT_BYTES', 'HEARTH_DEMO_SEED', 'HEARTH_PUBLIC_URL', 'NODE_ENV', 'PORT'].sort());
  });

  it('keeps /metrics off by default, and asks for a long enough token, required in production', () => {
    expect(loadConfig({}).metrics).toEqual({ enabled: false, token: null });
    expect(loadConfig({ HEARTH_METRICS: 'on' }).metrics).toEqual({ enabled: true, token: null });
    const token = 'a'.repeat(24);
    expect(loadConfig({ NODE_ENV: 'production', HEARTH_METRICS: 'on', HEARTH_METRICS_TOKEN: token }).metrics).toEqual({ enabled: true, token });
    expect(failureFor({ NODE_ENV: 'production', HEARTH_METRICS: 'on' })).toMatch(/HEARTH_METRICS_TOKEN is required in production/);
    expect(failureFor({ HEARTH_METRICS: 'yes' })).toMatch(/HEARTH_METRICS/);
    expect(failureFor({ HEARTH_METRICS: 'on', HEARTH_METRICS_TOKEN: 'short' })).toMatch(/HEARTH_METRICS_TOKEN: must be at least 24 characters/);
    expect(failureFor({ HEARTH_METRICS: 'on', HEARTH_METRICS_TOKEN: `${token} x` })).toMatch(/HEARTH_METRICS_TOKEN/);
  });

  it('accepts only known words for yes/no settings', () => {
    expect(failureFor({ HEARTH_BEHIND_TLS_PROXY: 'true' })).toBe('');
    expect(failureFor({ HEARTH_BEHIND_TLS_PROXY: 'on' })).toMatch(/HEARTH_BEHIND_TLS_PROXY/);
    expect(loadConfig({ HEARTH_BEHIND_TLS_PROXY: '' }).behindTlsProxy).toBe(false);
  });

  it('reads the service country as an ISO 3166 alpha-2 code with a numbering plan, GB by default', () => {
    expect(loadConfig({}).serviceCountry).toBe('GB');
    expect(loadConfig({ HEARTH_SERVICE_COUNTRY: 'ie' }).serviceCountry).toBe('IE');
    expect(failureFor({ HEARTH_SERVICE_COUNTRY: 'GBR' })).toMatch(/HEARTH_SERVICE_COUNTRY/);
    expect(failureFor({ HEARTH_SERVICE_COUNTRY: 'XX' })).toMatch(/HEARTH_SERVICE_COUNTRY/);
  });

  it('puts backups under the data folder without scheduling them, until HEARTH_BACKUP_DIR is set', () => {
    const plain = loadConfig({ HEARTH_DATA_DIR: '/srv/hearth' });
    expect(plain.backupDir).toBe(path.resolve('/srv/hearth/backups'));
    expect(plain.backupSchedule).toBeNull();
    expect(plain.startupCheck).toBe('quick');
    const scheduled = loadConfig({ HEARTH_BACKUP_DIR: '/backups/hearth', HEARTH_BACKUP_KEEP: '30', HEARTH_BACKUP_EVERY_HOURS: '6' });
    expect(scheduled.backupDir).toBe(path.resolve('/backups/hearth'));
    expect(scheduled.backupSchedule).toEqual({ everyMs: 6 * 3_600_000, keep: 30 });
    expect(loadConfig({ HEARTH_BACKUP_DIR: '/b', HEARTH_BACKUP_EVERY_HOURS: '0' }).backupSchedule).toBeNull();
    expect(failureFor({ HEARTH_BACKUP_KEEP: '0' })).toMatch(/HEARTH_BACKUP_KEEP/);
    expect(failureFor({ HEARTH_STARTUP_CHECK: 'sometimes' })).toMatch(/HEARTH_STARTUP_CHECK/);
  });
});
