import fs from 'node:fs';
import type { BulkExportType } from '../../../shared/schemas/fhir.js';
import type { DbOrTx } from '../../db/database.js';
import { NdjsonWriter } from './bulk-files.js';
import { BULK_SOURCES, type SourceOptions } from './bulk-sources.js';

/**
 * The part of a $export job that reads the database and writes the ndjson files: no job table, no
 * clock, so it runs alike in the server's thread (in-memory SQLite, tests) and in a worker thread
 * with a connection of its own (`bulk-worker.ts`). The runner (`bulk-runner.ts`) owns the job:
 * claim, heartbeat, completion, audit.
 */

export interface ExportWork {
  jobId: string;
  /** The worker's claim: part files are named after it. */
  claim: string;
  dir: string;
  types: readonly BulkExportType[];
  options: SourceOptions;
}

export interface WrittenFile {
  type: BulkExportType | 'OperationOutcome';
  fileName: string;
  count: number;
  bytes: number;
}

/** Resources written so far (OperationOutcomes not counted) and which source is being read. */
export interface ExportProgress {
  written: number;
  source: string;
  sourceIndex: number;
  sources: number;
}

/** What the export wrote: its files (renamed to their final names), and the resources in them. */
export interface WrittenExport {
  files: WrittenFile[];
  written: number;
}

/**
 * Writes every file of the job into its (emptied) folder. After each page `onPage` is told the
 * progress; when it answers false (the job is no longer this worker's) the part files are deleted
 * and 'stopped' returned. Each page is written with one `write` per file, awaited when the
 * stream's buffer is full, so memory stays a page whatever the size of the service.
 */
export async function writeExportFiles(db: DbOrTx, work: ExportWork, onPage: (progress: ExportProgress) => boolean | Promise<boolean>): Promise<WrittenExport | 'stopped'> {
  const writers = new Map<BulkExportType | 'OperationOutcome', NdjsonWriter>();
  const types = new Set(work.types);
  try {
    await fs.promises.rm(work.dir, { recursive: true, force: true });
    await fs.promises.mkdir(work.dir, { recursive: true });
    const sources = BULK_SOURCES.filter((s) => s.types.some((t) => types.has(t)));
    let written = 0;
    for (const [index, source] of sources.entries()) {
      for await (const page of source.pages(db, work.options)) {
        const lines = new Map<NdjsonWriter, string[]>();
        for (const line of page) {
          const type = line.type;
          if (type !== 'OperationOutcome' && !types.has(type)) continue;
          let writer = writers.get(type);
          if (!writer) {
            writer = new NdjsonWriter(work.dir, `${type}.ndjson`, work.claim);
            writers.set(type, writer);
          }
          let batch = lines.get(writer);
          if (!batch) lines.set(writer, (batch = []));
          batch.push(line.json);
          if (type !== 'OperationOutcome') written += 1;
        }
        for (const [writer, batch] of lines) await writer.writeLines(batch);
        if (!(await onPage({ written, source: source.types.join(' and '), sourceIndex: index, sources: sources.length }))) {
          for (const writer of writers.values()) await writer.discard().catch(() => undefined);
          return 'stopped';
        }
      }
    }
    for (const writer of writers.values()) await writer.close();
    const files = [...writers].map(([type, writer]) => ({ type, fileName: writer.fileName, count: writer.count, bytes: writer.bytes }));
    return { files, written };
  } catch (error) {
    for (const writer of writers.values()) await writer.discard().catch(() => undefined);
    throw error;
  }
}
