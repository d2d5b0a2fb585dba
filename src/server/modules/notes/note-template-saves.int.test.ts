import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createWorld, signIn, type Session, type World } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * What a facilitator reads when a save of a DAP note goes wrong, and what a partial save keeps,
 * each on a fresh database: the refusal names the template and its sections, a competing save says
 * their text is kept, blank free fields sent by an editor are not a refusal, and sections left out
 * are stored empty.
 */
let t: TestApp;
let w: World;
let lead: Session;

beforeEach(async () => {
  t = await createTestApp();
  w = await createWorld(t);
  lead = await signIn(t, w.clinicianA);
  await call(t.app, lead, 'POST', `/api/programmes/${w.programmeId}/note-templates`, { kind: 'dap' });
  expect((await call(t.app, lead, 'PUT', `/api/group-sessions/${w.sessionA}/attendance`, { everyone: 'present' })).statusCode).toBe(204);
});
afterEach(async () => t.close());

const noteUrl = () => `/api/group-sessions/${w.sessionA}/note`;

describe('saving a DAP note', () => {
  it('refuses a section the template lacks, naming the template, its sections and the key', async () => {
    const refused = await call(t.app, lead, 'PUT', noteUrl(), { baseVersion: 0, sections: { data: 'Seen.', mood: 'Low' }, members: [] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'unknown_note_section',
      message: 'This note follows the DAP template: its sections are Data, Assessment, Plan.',
      details: [{ path: 'body.sections.mood', message: 'Not a section of this note.' }],
    });
  });

  it('takes blank free fields as absent, and stores the sections left out as empty', async () => {
    const saved = await call(t.app, lead, 'PUT', noteUrl(), { baseVersion: 0, themes: '  ', interventions: '\n', groupProcess: '', sections: { data: 'Seen.' }, members: [] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().sections.map((s: { key: string; body: string }) => [s.key, s.body])).toEqual([
      ['data', 'Seen.'],
      ['assessment', ''],
      ['plan', ''],
    ]);
  });

  it('answers a competing save with 409 and a message saying their text is kept', async () => {
    expect((await call(t.app, lead, 'PUT', noteUrl(), { baseVersion: 0, sections: { data: 'First.' }, members: [] })).statusCode).toBe(200);
    const stale = await call(t.app, lead, 'PUT', noteUrl(), { baseVersion: 0, sections: { data: 'Second.' }, members: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'stale_version',
      message: 'Someone saved this note while you were editing. Your text is kept: compare it with theirs, then save again.',
    });
  });
});
