import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/env.js';

/** Where people open links: the configured public URL, else the origin this request came to. */
export function publicOrigin(config: Pick<Config, 'publicUrl'>, request: FastifyRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}
