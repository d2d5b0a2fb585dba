import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// One way to show a modal (issue 12, step 7): every dialog of the web app is a `FormModal`, or a
// `ConfirmModal` built on it, from layout/. They reset their fields and request on every opening
// and every way of closing, show the server's error the same way and put Cancel and the action in
// the same place; a hand-made Mantine `Modal` forgets one of these sooner or later. This test fails
// when a file outside layout/ imports Mantine's `Modal` or renders `<Modal`.

const WEB = join(import.meta.dirname, '..');

/** Files allowed their own Mantine Modal, each with the reason. */
const EXCEPTIONS: Record<string, string> = {
  // Not a form: a full-screen announcement when an answer says someone may be at risk, whose only
  // action is "Continue" and whose crisis numbers must not sit behind a scroll on a phone. Its
  // comment and the web README say why it keeps Modal.Root.
  [join('measures', 'SafetyScreen.tsx')]: 'full-screen urgent safety screen, not a form',
};

function sources(dir: string): { rel: string; source: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [{ rel: relative(WEB, path), source: readFileSync(path, 'utf8') }];
  });
}

/** Ways a file uses Mantine's Modal itself: `Modal` (or `ModalProps`…) imported from @mantine/core, or `<Modal` in JSX. */
export function directModalUses(source: string): string[] {
  const imports = [...source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]@mantine\/core['"]/g)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((name) => name.replace(/^\s*type\s+/, '').trim())
      .filter((name) => name.startsWith('Modal'))
      .map((name) => `import ${name}`),
  );
  const jsx = [...source.matchAll(/<Modal(?:\.[A-Za-z]+)?(?=[\s>/])/g)].map((m) => m[0]);
  return [...imports, ...jsx];
}

describe('modal guard', () => {
  const files = sources(WEB);

  it('finds the web sources and the modals built on FormModal', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => /<(FormModal|ConfirmModal)\b/.test(f.source)).length).toBeGreaterThan(15);
  });

  it('recognises a direct Modal and ignores FormModal and theme defaults', () => {
    expect(directModalUses("import { Button, Modal, Stack } from '@mantine/core';\n<Modal opened onClose={close}>")).toEqual(['import Modal', '<Modal']);
    expect(directModalUses("import { type ModalProps } from '@mantine/core';")).toEqual(['import ModalProps']);
    expect(directModalUses('<Modal.Root opened>')).toEqual(['<Modal.Root']);
    expect(directModalUses('import { FormModal } from \'../layout/FormModal\';\n<FormModal opened title="x" />\n<ConfirmModal opened />')).toEqual([]);
    expect(directModalUses('components: { Modal: { defaultProps: { centered: true } } }')).toEqual([]);
  });

  it('renders Mantine Modal only in layout/ and the listed exceptions', () => {
    const found = files.filter((f) => !f.rel.startsWith(`layout${sep}`) && !(f.rel in EXCEPTIONS)).flatMap((f) => directModalUses(f.source).map((use) => `${f.rel}: ${use}`));
    expect(found, 'use layout/FormModal (a form) or layout/ConfirmModal (a yes/no question), not Mantine Modal').toEqual([]);
  });

  it('lists only exceptions that still use Modal', () => {
    const stale = Object.keys(EXCEPTIONS).filter((rel) => directModalUses(files.find((f) => f.rel === rel)?.source ?? '').length === 0);
    expect(stale, 'an exception that no longer uses Modal should leave the list').toEqual([]);
  });
});
