import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// ARCHITECTURE.md maps every folder of the server and src/web/README.md every folder of the web
// app. This test keeps both true: it fails naming a folder the document does not describe, and a
// row describing a folder that no longer exists.

const ROOT = join(import.meta.dirname, '..', '..');
const architecture = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
const webReadme = readFileSync(join(ROOT, 'src', 'web', 'README.md'), 'utf8');

function folders(...path: string[]): string[] {
  return readdirSync(join(ROOT, ...path), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Folder names in the first cell of a table row, e.g. "| `modules/goals`, `modules/skills` |" → goals, skills. */
function rowFolders(document: string, pattern: RegExp): string[] {
  const names = document
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(pattern)].map((m) => m[1] ?? ''));
  return [...new Set(names)].sort();
}

describe('ARCHITECTURE.md and the web README describe every folder', () => {
  it('has a row in ARCHITECTURE.md for every server module, and none for a module that is gone', () => {
    const modules = folders('src', 'server', 'modules');
    const described = rowFolders(architecture, /`modules\/([a-z0-9-]+)`/g);
    expect(
      modules.filter((name) => !described.includes(name)),
      'server modules ARCHITECTURE.md does not describe',
    ).toEqual([]);
    expect(
      described.filter((name) => !modules.includes(name)),
      'ARCHITECTURE.md rows for modules that do not exist',
    ).toEqual([]);
  });

  it('has a row in ARCHITECTURE.md for every other folder of src/server and src/shared', () => {
    const server = folders('src', 'server').filter((name) => name !== 'modules');
    const serverRows = rowFolders(architecture, /`src\/server\/([a-z0-9-]+)\/`/g);
    expect(
      server.filter((name) => !serverRows.includes(name)),
      'src/server folders ARCHITECTURE.md does not describe',
    ).toEqual([]);
    expect(
      serverRows.filter((name) => !server.includes(name)),
      'ARCHITECTURE.md rows for src/server folders that do not exist',
    ).toEqual([]);
    const shared = folders('src', 'shared');
    const sharedRow = architecture.split('\n').find((line) => line.startsWith('| `src/shared/` |')) ?? '';
    expect(
      shared.filter((name) => !sharedRow.includes(`\`${name}/`)),
      'src/shared folders its row does not name',
    ).toEqual([]);
  });

  it('has a row in src/web/README.md for every web folder, and none for a folder that is gone', () => {
    const web = folders('src', 'web');
    const described = rowFolders(webReadme, /`([a-z0-9-]+)\/`/g);
    expect(
      web.filter((name) => !described.includes(name)),
      'src/web folders its README does not describe',
    ).toEqual([]);
    expect(
      described.filter((name) => !web.includes(name)),
      'web README rows for folders that do not exist',
    ).toEqual([]);
  });
});
