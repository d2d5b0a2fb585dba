import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../testing/free-port.js';
import { signInDemo, startHearthProcess, testDatabaseUrl, type HearthProcess } from '../testing/hearth-process.js';
import { testDatabaseKind } from '../testing/test-app.js';

// Real server processes on a PostgreSQL database of their own, put through what a hospital's
// database does to them: two instances starting at once on an empty database, an instance started
// before the database is reachable, and every connection cut (pg_terminate_backend) under write
// load while the database refuses new ones. The machine's cluster itself is never stopped.
const onPostgres = testDatabaseKind() === 'postgres';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(onPostgres)('PostgreSQL outages', () => {
  let admin: pg.Client;
  const databases: string[] = [];
  const processes: HearthProcess[] = [];

  async function createDatabase(): Promise<string> {
    const name = `hearth_outage_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    databases.push(name);
    return name;
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: testDatabaseUrl('postgres') });
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    for (const name of databases) {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  });

  let name: string;
  let first: HearthProcess;
  let second: HearthProcess;

  it('starts two processes at once on an empty database: both come up, the schema is migrated and the demo seeded once', async () => {
    name = await createDatabase();
    const env = { DATABASE_URL: testDatabaseUrl(name), HEARTH_REQUIRE_STAFF_MFA: 'false', HEARTH_DEMO_SEED: 'true' };
    [first, second] = await Promise.all([startHearthProcess(env), startHearthProcess(env)]);
    processes.push(first, second);
    const seededBy = [first, second].filter((p) => p.output().includes('Demo service created'));
    expect(seededBy).toHaveLength(1);
    const db = new pg.Client({ connectionString: testDatabaseUrl(name) });
    await db.connect();
    try {
      const staff = await db.query<{ n: string }>(`SELECT count(*) AS n FROM users WHERE email = 'admin@demo.hearth.local'`);
      expect(Number(staff.rows[0]?.n)).toBe(1);
    } finally {
      await db.end();
    }
    for (const server of [first, second]) {
      const ready = await fetch(`${server.baseUrl}/api/health/ready`);
      expect(ready.status).toBe(200);
    }
  }, 240_000);

  it('answers 503 with Retry-After while every connection is cut, recovers by itself, and loses no acknowledged write', async () => {
    const session = await signInDemo(first, 'participant1@demo.hearth.local');
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    let slowest = 0;
    let running = true;
    let counter = 0;
    const write = async () => {
      const text = `load entry ${counter++}`;
      const started = Date.now();
      const response = await fetch(`${first.baseUrl}/api/me/journal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ body: text }),
      });
      slowest = Math.max(slowest, Date.now() - started);
      statuses.push(response.status);
      const body = (await response.json()) as { id?: string; error?: { code: string; message: string; requestId: string } };
      if (response.status === 201 && body.id) acknowledged.push(body.id);
      else {
        expect(response.status, JSON.stringify(body)).toBe(503);
        expect(body.error?.code).toBe('database_unavailable');
        expect(body.error?.message).toMatch(/try again/i);
        expect(body.error?.requestId).toBeTruthy();
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    };
    const workers = Array.from({ length: 4 }, async () => {
      while (running) await write();
    });
    await sleep(1000);
    // The outage: the database refuses new connections, and every existing one is terminated.
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    const terminated = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    expect(terminated.rowCount).toBeGreaterThan(0);
    await sleep(2500);
    const during = await fetch(`${first.baseUrl}/api/health/ready`);
    expect(during.status).toBe(503);
    const live = await fetch(`${first.baseUrl}/api/health/live`);
    expect(live.status).toBe(200);
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    // Recovery without a restart: the same processes answer again within a few seconds.
    const back = Date.now();
    for (const server of [first, second]) {
      let status = 0;
      while (status !== 200 && Date.now() - back < 15_000) {
        status = (await fetch(`${server.baseUrl}/api/health/ready`)).status;
        if (status !== 200) await sleep(200);
      }
      expect(status).toBe(200);
    }
    await sleep(1000);
    running = false;
    await Promise.all(workers);

    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(5);
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    // No hang: every answer, during the outage too, came within 5 s.
    expect(slowest).toBeLessThan(5000);
    expect(first.output()).not.toMatch(/Unhandled 'error' event/);
    expect(second.output()).not.toMatch(/Unhandled 'error' event/);

    // Every write that was answered 201 is in the database.
    const db = new pg.Client({ connectionString: testDatabaseUrl(name) });
    await db.connect();
    try {
      const stored = await db.query<{ id: string }>(`SELECT id FROM journal_entries WHERE id = ANY($1::text[])`, [acknowledged]);
      expect(stored.rows.length).toBe(acknowledged.length);
      // Realtime LISTEN came back on both instances (each holds one listening connection).
      let listening = 0;
      for (let i = 0; i < 50 && listening < 2; i++) {
        const rows = await db.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN %'`, [name]);
        listening = Number(rows.rows[0]?.n);
        if (listening < 2) await sleep(200);
      }
      expect(listening).toBe(2);
    } finally {
      await db.end();
    }
  }, 120_000);

  it('waits at start-up for a database that is not there yet, then comes up when it is', async () => {
    const target = await createDatabase();
    const port = await freePort();
    const upstreamPort = Number(new URL(testDatabaseUrl(target)).port || 5432);
    const starting = startHearthProcess({ DATABASE_URL: testDatabaseUrl(target, port), HEARTH_DEMO_SEED: 'false', HEARTH_DB_STARTUP_WAIT_SECONDS: '120' });
    // Nothing listens on that port at first. Then a relay opens there which, until the instance has
    // been seen trying, drops each connection (the database still "down"); after that it forwards
    // to the real server (the database "arrives").
    let attempts = 0;
    const open = new Set<net.Socket>();
    const relay = net.createServer((socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      attempts += 1;
      if (attempts <= 2) {
        socket.destroy();
        return;
      }
      const upstream = net.connect(upstreamPort, '127.0.0.1');
      open.add(upstream);
      upstream.on('close', () => open.delete(upstream));
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await sleep(2000);
    await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
    let server: HearthProcess | undefined;
    try {
      server = await starting;
      expect(attempts).toBeGreaterThan(2);
      expect(server.output()).toMatch(/Waiting for the database/);
      expect((await fetch(`${server.baseUrl}/api/health/ready`)).status).toBe(200);
    } finally {
      await server?.stop();
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  }, 180_000);
});
