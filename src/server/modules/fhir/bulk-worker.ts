import { parentPort, workerData } from 'node:worker_threads';
import { openReader, type DatabaseLocation } from '../../db/database.js';
import { writeExportFiles, type ExportProgress, type ExportWork, type WrittenExport } from './bulk-write.js';

/**
 * A worker thread's entry (`bulk-runner.ts` starts it; `scripts/build.mjs` bundles it as
 * `dist/server/fhir-export-worker.js`): writes one $export job's files through a read-only
 * connection of its own, so the export's allocations live in the worker's small bounded heap and
 * its queries never queue behind, or block, the server's requests. It tells the runner its
 * progress after each page and stops at the next page once the runner raises the stop flag.
 */

export interface WorkerInput {
  location: DatabaseLocation;
  work: ExportWork;
  /** Int32 flag the runner sets to 1 when the job is no longer its own (cancelled, taken over). */
  stop: SharedArrayBuffer;
}

export type WorkerMessage = { kind: 'progress'; progress: ExportProgress } | { kind: 'done'; result: WrittenExport | 'stopped' };

const input = workerData as WorkerInput;
const stop = new Int32Array(input.stop);
const database = openReader(input.location);
try {
  const result = await writeExportFiles(database.db, input.work, (progress) => {
    parentPort!.postMessage({ kind: 'progress', progress } satisfies WorkerMessage);
    return Atomics.load(stop, 0) === 0;
  });
  parentPort!.postMessage({ kind: 'done', result } satisfies WorkerMessage);
} finally {
  await database.close();
}
