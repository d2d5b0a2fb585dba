import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * Every text file of the build also written brotli- and gzip-compressed, once, at the highest
 * levels (the server sends the .br or .gz a browser accepts: @fastify/static `preCompressed`).
 * Node's own zlib: no compression work per request and no extra dependency.
 */
function precompress(dir: string): Plugin {
  return {
    name: 'hearth-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
      for (const file of walk(dir)) {
        if (!/\.(js|css|html|svg|json|txt|webmanifest)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * The web shell. Built into dist/web, which the Fastify server serves under a strict CSP
 * (script-src 'self'): nothing here may emit inline scripts or load from other origins.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than Hearth's own code: a separate chunk stays cached.
        codeSplitting: {
          groups: [
            // Mantine's core (provider, styles, hooks) and the components the sign-in page and the
            // app shell use ('$initial': what the entry imports), with the sign-in page's Mantine
            // style sheet (src/web/styles/mantine-public.ts).
            { name: 'mantine', test: /node_modules[\\/]@mantine/, tags: ['$initial'] },
            // The rest of Mantine (dialogs, menus, selects, tabs, tables, …) and the libraries only
            // those use: one chunk, cached, loaded with the first signed-in page that needs it.
            {
              name: 'mantine-more',
              test: /node_modules[\\/](@mantine|@floating-ui|react-number-format|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-callback-ref|use-sidecar|tabbable|get-nonce|detect-node-es)[\\/]/,
            },
            // The chart library and what only it uses load with the trajectory page, not on every page.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|recharts-scale|victory-vendor|d3-[a-z-]+|internmap|decimal\.js-light|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|eventemitter3|tiny-invariant)[\\/]/,
            },
            // What every page needs (React, the router, the query cache) stays in one cached chunk;
            // a library only some pages use loads with them (route-level splitting, App.tsx).
            { name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|cookie|set-cookie-parser)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
