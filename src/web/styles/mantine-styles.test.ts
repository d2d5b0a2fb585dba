import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The web app loads Mantine's styles per component (issue 16 item 5): mantine-public.ts for what a
 * signed-out visitor sees, mantine-app.css for the rest. These tests keep both lists exact: every
 * component a page imports has its sheet (and the sheets of the components it is built from), no
 * sheet is there for nothing, and the order is Mantine's own (that of its complete styles.css).
 */
const webRoot = fileURLToPath(new URL('..', import.meta.url));
const mantineRoot = path.resolve(webRoot, '../../node_modules/@mantine/core');
const stylesDir = path.join(mantineRoot, 'styles');

/** Files a signed-out visitor's pages are built from (RequireAuth shows only these before the app styles apply). */
const PUBLIC_ENTRIES = ['auth/SignInPage.tsx', 'auth/InvitePage.tsx', 'auth/ForgotPasswordPage.tsx', 'layout/PublicLayout.tsx', 'layout/feedback.tsx', 'layout/NotFoundPage.tsx'];
/** Mantine's global styles: no component's, always first. */
const GLOBAL = ['baseline.css', 'default-css-variables.css', 'global.css'];

const read = (file: string): string => fs.readFileSync(file, 'utf8');

function publicSheets(): string[] {
  return [...read(path.join(webRoot, 'styles/mantine-public.ts')).matchAll(/^import '@mantine\/core\/styles\/([\w-]+\.css)';$/gm)].map((m) => m[1]!);
}
function appSheets(): string[] {
  return [...read(path.join(webRoot, 'styles/mantine-app.css')).matchAll(/^@import '@mantine\/core\/styles\/([\w-]+\.css)';$/gm)].map((m) => m[1]!);
}

/** Every component sheet, in the order of Mantine's complete styles.css. */
function canonicalOrder(): string[] {
  const all = read(path.join(mantineRoot, 'styles.css'));
  return fs
    .readdirSync(stylesDir)
    .filter((f) => f.endsWith('.css') && !f.endsWith('.layer.css'))
    .map((f) => ({ f, at: all.indexOf(read(path.join(stylesDir, f)).trim().slice(0, 200)) }))
    .sort((a, b) => a.at - b.at)
    .map(({ f }) => f);
}

/** Which sheet defines each of Mantine's generated class names. */
function sheetOfClass(): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of fs.readdirSync(stylesDir)) {
    if (f.endsWith('.layer.css') || !f.endsWith('.css')) continue;
    for (const c of read(path.join(stylesDir, f)).match(/m_[0-9a-f]{8}/g) ?? []) if (!map.has(c)) map.set(c, f);
  }
  return map;
}

/** Where each name @mantine/core exports is defined. */
function mantineExports(): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of read(path.join(mantineRoot, 'esm/index.mjs')).matchAll(/import \{([^}]*)\} from "([^"]+)"/g)) {
    for (const name of m[1]!.split(',')) map.set(name.trim().split(' as ').pop()!, path.join(mantineRoot, 'esm', m[2]!));
  }
  return map;
}

/** The Mantine names a set of Hearth source files imports, following their relative imports. */
function mantineNamesImportedBy(entries: string[]): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const resolve = (from: string, spec: string): string | null => {
    const base = path.resolve(path.dirname(from), spec);
    for (const c of [base, `${base}.ts`, `${base}.tsx`]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
    return null;
  };
  const walk = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of read(file).matchAll(/^import (type )?(?:\{([^}]*)\}|[\w*\s,]+) from '([^']+)';/gm)) {
      if (m[1]) continue;
      if (m[3] === '@mantine/core') {
        for (const n of (m[2] ?? '').split(',').map((s) => s.trim())) if (n && !n.startsWith('type ')) names.add(n.split(' as ')[0]!);
      } else if (m[3]!.startsWith('.')) {
        const next = resolve(file, m[3]!);
        if (next && /\.tsx?$/.test(next)) walk(next);
      }
    }
  };
  for (const e of entries) walk(path.join(webRoot, e));
  return names;
}

/** The component sheets those Mantine names need, through the components they are built from. */
function sheetsFor(names: Set<string>): Set<string> {
  const exports = mantineExports();
  const classes = sheetOfClass();
  const sheets = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = read(file);
    if (file.endsWith('.module.mjs')) for (const c of source.match(/m_[0-9a-f]{8}/g) ?? []) sheets.add(classes.get(c) ?? `no sheet for ${c}`);
    for (const m of source.matchAll(/from "(\.[^"]+)"/g)) walk(path.resolve(path.dirname(file), m[1]!));
  };
  for (const n of names) {
    const file = exports.get(n);
    if (!file) throw new Error(`@mantine/core does not export ${n}`);
    walk(file);
  }
  return sheets;
}

function allSourceFiles(dir = webRoot): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return allSourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.relative(webRoot, full)] : [];
  });
}

const order = canonicalOrder();
const inOrder = (list: string[]): string[] => [...list].sort((a, b) => order.indexOf(a) - order.indexOf(b));

describe("Mantine's styles per component", () => {
  it('finds the sheets and the order to check against', () => {
    expect(order.slice(0, 3)).toEqual(GLOBAL);
    expect(publicSheets().length).toBeGreaterThan(GLOBAL.length);
    expect(appSheets().length).toBeGreaterThan(0);
    // Button is built on UnstyledButton and shows a Loader: the walk through Mantine's sources sees it.
    expect([...sheetsFor(new Set(['Button']))].sort()).toEqual(['Button.css', 'Loader.css', 'UnstyledButton.css']);
  });

  it("the sign-in page's sheet holds exactly what the signed-out pages use, global styles first, in Mantine's order", () => {
    const needed = sheetsFor(mantineNamesImportedBy(PUBLIC_ENTRIES));
    expect(publicSheets()).toEqual([...GLOBAL, ...inOrder([...needed])]);
  });

  it("the signed-in pages' sheet holds exactly the rest of what any page uses, in Mantine's order", () => {
    const needed = sheetsFor(mantineNamesImportedBy(allSourceFiles()));
    const pub = new Set(publicSheets());
    expect(appSheets()).toEqual(inOrder([...needed].filter((s) => !pub.has(s))));
  });

  it('main.tsx loads the per-component sheets, not the complete style sheet', () => {
    const main = read(path.join(webRoot, 'main.tsx'));
    expect(main).toContain("import './styles/mantine-public';");
    const everywhere = allSourceFiles().map((f) => read(path.join(webRoot, f)));
    expect(everywhere.filter((s) => s.includes('@mantine/core/styles.css') || s.includes('@mantine/core/styles.layer.css'))).toEqual([]);
  });
});
