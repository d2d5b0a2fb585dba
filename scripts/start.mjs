// @ts-check
/**
 * `npm start`: runs the compiled server (dist/server/main.js) in this very process, so a signal
 * sent to it (or forwarded by npm) reaches the server itself: there is no child to orphan.
 *
 * Outside production it first builds whatever changed since the last build (scripts/build.mjs),
 * so `npm ci && npm start` works on a fresh clone. In production (NODE_ENV=production) it never
 * builds — the build tools are development dependencies — and refuses to start without a build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = path.join(root, 'dist', 'server', 'main.js');

if (process.env.NODE_ENV === 'production') {
  const missing = [server, path.join(root, 'dist', 'web', 'index.html')].filter((file) => !fs.existsSync(file));
  if (missing.length) {
    console.error(`Hearth is not built (${missing.map((file) => path.relative(root, file)).join(', ')} missing): run \`npm run build\` first.`);
    process.exit(1);
  }
} else {
  const { build } = await import('./build.mjs');
  await build();
}

await import(server);
