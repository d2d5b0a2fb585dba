import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

// NUL cannot be stored by PostgreSQL, and a lone surrogate is stored differently from what was
// sent: both are refused at the door so the two databases behave the same.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

function findBadText(value: unknown, path: string, depth: number): string | null {
  if (depth > MAX_DEPTH) return path || 'body';
  if (typeof value === 'string') return NUL.test(value) || LONE_SURROGATE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = findBadText(item, `${path}.${i}`, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const bad = findBadText(key, path, depth + 1) ?? findBadText(item, `${path}.${key}`, depth + 1);
      if (bad) return bad;
    }
  }
  return null;
}

/** Refuses NUL characters, broken Unicode and absurd nesting anywhere in params, query or body. */
export async function guardText(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
    const bad = findBadText(value, part, 0);
    if (bad) {
      throw new AppError('validation_failed', 'The request contains characters or nesting that cannot be accepted.', [
        { path: bad, message: 'Contains a NUL character, broken Unicode, or is nested too deeply.' },
      ]);
    }
  }
}
