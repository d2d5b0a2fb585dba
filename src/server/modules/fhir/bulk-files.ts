import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/env.js';

/** The folder of one $export job's files: <HEARTH_FHIR_EXPORT_DIR>/<job id> (ids are UUIDs). */
export function jobDir(config: Pick<Config, 'fhirExport'>, jobId: string): string {
  return path.join(config.fhirExport.dir, jobId);
}

/** Deletes a job's folder and everything in it; a folder already gone is fine. */
export async function removeJobDir(config: Pick<Config, 'fhirExport'>, jobId: string): Promise<void> {
  await fs.promises.rm(jobDir(config, jobId), { recursive: true, force: true });
}

/**
 * One ndjson file being written: a resource per line, through a write stream whose buffer is
 * awaited when full (so a fast database never queues a whole file in memory). Written as
 * `<name>.<worker>.part` and renamed when closed, so a file under its final name is always complete.
 */
export class NdjsonWriter {
  count = 0;
  bytes = 0;
  private readonly stream: fs.WriteStream;
  private readonly partPath: string;

  constructor(
    readonly dir: string,
    readonly fileName: string,
    /** The worker's claim: two workers of one job (one taking over) never write the same part file. */
    worker: string,
  ) {
    this.partPath = path.join(dir, `${fileName}.${worker}.part`);
    this.stream = fs.createWriteStream(this.partPath, { flags: 'w', highWaterMark: 256 * 1024 });
  }

  /** Appends serialised resources, a line each, in one write; resolves once the stream can take more. */
  async writeLines(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    // Encoded once: the stream would encode a string again after Buffer.byteLength had measured it.
    const chunk = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    this.count += lines.length;
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes, closes and moves the file to its final name. */
  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await fs.promises.rename(this.partPath, path.join(this.dir, this.fileName));
  }

  /** Closes without keeping anything (the job failed or was cancelled). */
  async discard(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    await fs.promises.rm(this.partPath, { force: true });
  }
}
