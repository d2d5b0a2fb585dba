import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentKindSchema } from '../../../shared/schemas/moderation.js';
import { assertKindsWellFormed, isContentKind, kindLabel, MODERATED_KINDS, moderatedKind } from './kinds.js';

const SERVER = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('moderated kinds: one registry, one label each', () => {
  it('registers exactly the kinds the API names', () => {
    expect(Object.keys(MODERATED_KINDS).sort()).toEqual([...contentKindSchema.options].sort());
  });

  it('gives each kind one distinct, non-empty label, read by the one kindLabel', () => {
    const labels = contentKindSchema.options.map((k) => kindLabel(k));
    for (const label of labels) expect(label.trim()).not.toBe('');
    expect(new Set(labels).size).toBe(labels.length);
    for (const k of contentKindSchema.options) expect(moderatedKind(k)?.label).toBe(kindLabel(k));
  });

  it('knows what is not a moderated kind (a journal entry, a session)', () => {
    expect(moderatedKind('journal_entry')).toBeUndefined();
    expect(isContentKind('session')).toBe(false);
    expect(isContentKind('toString')).toBe(false);
    expect(isContentKind('post')).toBe(true);
  });

  it('refuses a registration whose table or column is not a plain name', () => {
    expect(() => assertKindsWellFormed(MODERATED_KINDS)).not.toThrow();
    expect(() => assertKindsWellFormed({ bad: { ...MODERATED_KINDS.post, table: 'space_posts; drop table users' } })).toThrow(/not a plain column or table name/);
    expect(() => assertKindsWellFormed({ bad: { ...MODERATED_KINDS.goal, textColumns: ['action', 'Frequency'] } })).toThrow(/Frequency/);
  });

  it('every kind the server moderates is registered, and nothing registers kinds or names them elsewhere', () => {
    const used = new Set<string>();
    for (const file of sources(SERVER)) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(SERVER, file);
      expect(text, rel).not.toMatch(/registerModeratedKind|\bKIND_LABELS|moderated-kinds\.js|register-kinds\.js/);
      // moderate(db, { …, kind: 'x', … }), the space's moderateFor(deps, viewer, 'x', …) and
      for (const m of text.matchAll(/\bmoderate\(\s*[\w.]+,\s*\{[\s\S]{0,300}?\bkind: '(\w+)'/g)) used.add(m[1] ?? '');
      for (const m of text.matchAll(/\bmoderateFor\([^)]*?'(post|message)'/g)) used.add(m[1] ?? '');
      // a member's own item going to their group: moderateIntoMyGroup(ctx, enrolmentId, 'x', …)
      for (const m of text.matchAll(/\bmoderateIntoMyGroup\(\s*[\w.]+,\s*[\w.]+,\s*'(\w+)'/g)) used.add(m[1] ?? '');
      if (rel !== path.join('modules', 'moderation', 'kinds.ts'))
        expect(text, rel).not.toMatch(/\blabel: '(group-space post|chat message|shared coping strategy|celebration card|shared goal)'/);
    }
    expect(used.size).toBeGreaterThanOrEqual(6);
    for (const kind of used) expect(isContentKind(kind), kind).toBe(true);
  });
});
