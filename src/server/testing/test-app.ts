import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config/env.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { validateResponses } from './response-validation.js';

/** A clock tests can move forward. */
export class TestClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: TestClock;
  close(): Promise<void>;
}

/** Which database integration tests run on: HEARTH_TEST_DB=postgres uses TEST_DATABASE_URL. */
export function testDatabaseKind(): 'sqlite' | 'postgres' {
  return process.env.HEARTH_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDatabase {
  database: Database;
  /** PostgreSQL: the schema of its own (the migration bookkeeping lives there). */
  schema: string | undefined;
  close(): Promise<void>;
}

/**
 * A fresh, empty database (not migrated): on SQLite in memory, on PostgreSQL a schema of its own,
 * dropped at close. No test ever sees another's data.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('HEARTH_TEST_DB=postgres needs TEST_DATABASE_URL');
    const schema = `t_${randomBytes(8).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const database = openDatabase({ kind: 'postgres', url, schema, poolSize: 4 });
    return {
      database,
      schema,
      async close() {
        await database.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const database = openDatabase({ kind: 'sqlite', sqliteFile: ':memory:' });
  return { database, schema: undefined, close: () => database.close() };
}

export interface TestAppOptions {
  /**
   * Every answer is checked against the OpenAPI document (testing/response-validation.ts) and a
   * mismatch fails the test when the app closes. Turning that off needs the reason, in the test.
   */
  skipResponseValidation?: { reason: string };
}

/** A fresh, migrated database (see createTestDatabase) and app. */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HEARTH_DEMO_SEED: 'false', ...env });
  const clock = new TestClock();
  const testDb = await createTestDatabase();
  const { database, schema } = testDb;
  await migrateToLatest(database.db, schema ? { schema } : {});
  const app = await buildApp({ config: { ...config, databaseKind: database.kind }, database, clock, logger: false });
  const mismatches: string[] = [];
  if (!options.skipResponseValidation?.reason) validateResponses(app, mismatches);
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    async close() {
      await app.close();
      await testDb.close();
      if (mismatches.length > 0) {
        throw new Error(`Answers that do not match the OpenAPI document (fix the route's schema, or the code):\n${[...new Set(mismatches)].join('\n')}`);
      }
    },
  };
}
