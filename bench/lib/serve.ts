import type { FastifyInstance } from 'fastify';

/** The line a server entry prints once it listens, which `startServer` waits for. */
export const LISTENING_PREFIX = 'bench-listening-on-port ';

/**
 * For server entries: listens on a free 127.0.0.1 port, tells the parent which one, and closes
 * cleanly on SIGTERM/SIGINT. Baseline and subject use it alike, so they listen the same way.
 */
export async function serveUntilStopped(app: FastifyInstance, close: () => Promise<void> = async () => {}): Promise<void> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The server has no TCP address');
  const stop = async () => {
    await app.close();
    await close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.stdout.write(`${LISTENING_PREFIX}${address.port}\n`);
}

/** Reports a failed start on stderr (the parent shows it) and exits non-zero. */
export function exitOnStartFailure(error: unknown): never {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
