import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { UseCaseContext } from '../../http/use-case.js';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { saveDraft } from './save-draft.js';

/**
 * A draft save checks the version it started from twice: when it reads the note (a save that
 * started from an old version is refused before anything else is looked at) and in the update
 * itself (a save that lands between that read and the update is refused too). A single save in
 * a test cannot tell the two apart, so here a colleague's save is made to land exactly between
 * them, and a stale save carries content the note's template would refuse.
 */
let t: TestApp;
let w: World;
let lead: Session;

beforeEach(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  lead = await signIn(t, w.clinicianA);
  expect((await call(t.app, lead, 'PUT', `/api/group-sessions/${w.sessionA}/attendance`, { everyone: 'present' })).statusCode).toBe(204);
});
afterEach(async () => t.close());

const noteUrl = () => `/api/group-sessions/${w.sessionA}/note`;
const draft = { themes: 'Mine.', interventions: '', groupProcess: '', members: [] };

/** A query builder whose executeTakeFirst runs `race` after the read and before the caller sees its row. */
function raceAfterRead<T extends object>(builder: T, race: () => Promise<void>): T {
  return new Proxy(builder, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (typeof value !== 'function') return value;
      if (prop === 'executeTakeFirst')
        return async (...args: unknown[]) => {
          const row: unknown = await value.apply(target, args);
          await race();
          return row;
        };
      return (...args: unknown[]) => {
        const out: unknown = value.apply(target, args);
        return out && typeof out === 'object' ? raceAfterRead(out, race) : out;
      };
    },
  });
}

/** The database as saveDraft sees it, with a colleague's save landing right after its first read of the note. */
function withColleagueSaveAfterRead(db: DbOrTx, colleagueSave: () => Promise<void>): DbOrTx {
  let raced = false;
  const race = async () => {
    if (raced) return;
    raced = true;
    await colleagueSave();
  };
  return new Proxy(db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop === 'selectFrom')
        return (table: string) => {
          const builder = target.selectFrom(table as 'group_notes');
          return table === 'group_notes' && !raced ? raceAfterRead(builder, race) : builder;
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('a draft save that started from an old version', () => {
  it('is refused as stale, keeping the colleague’s text, when the colleague saved between its read and its update', async () => {
    expect((await call(t.app, lead, 'PUT', noteUrl(), { ...draft, baseVersion: 0 })).statusCode).toBe(200);
    const db = t.database.db;
    const colleagueSave = async () => {
      await db.updateTable('group_notes').set({ version: 2, themes: 'Theirs.' }).where('session_id', '=', w.sessionA).execute();
    };
    const ctx = {
      db: withColleagueSaveAfterRead(db, colleagueSave),
      principal: { userId: w.clinicianA.id, role: 'clinician', sessionId: 'test' },
      now: t.clock.now(),
      audit: async () => {},
    } as unknown as UseCaseContext;
    const refused = await saveDraft(ctx, w.sessionA, { ...draft, baseVersion: 1 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('stale_version');
    const note = await call(t.app, lead, 'GET', noteUrl());
    expect(note.json().note).toMatchObject({ version: 2, themes: 'Theirs.' });
    // Nothing of the refused save was written: no version 2 snapshot of "Mine." either.
    const snapshots = await db.selectFrom('note_versions').select(['version']).execute();
    expect(snapshots.map((s) => s.version)).toEqual([1]);
  });

  it('is answered stale before its content is checked against the note’s template', async () => {
    expect((await call(t.app, lead, 'PUT', noteUrl(), { ...draft, baseVersion: 0 })).statusCode).toBe(200);
    const stale = await call(t.app, lead, 'PUT', noteUrl(), { ...draft, baseVersion: 0, sections: { mood: 'Low' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale_version' });
  });
});
