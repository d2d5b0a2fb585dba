import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every module's route files (`routes.ts`, `*-routes.ts`) below `modulesDir`, each with its source text; `rel` is `<module>/<file>`. */
export function routeFiles(modulesDir: string): { rel: string; source: string }[] {
  return readdirSync(modulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(modulesDir, dir.name))
        .filter((name) => name === 'routes.ts' || name.endsWith('-routes.ts'))
        .map((name) => ({ rel: `${dir.name}/${name}`, source: readFileSync(join(modulesDir, dir.name, name), 'utf8') })),
    );
}
