import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** True when a request part holds nothing to look at: no body, no parameters, no query. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'object') return false;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

/**
 * Refuses NUL characters, broken Unicode and absurd nesting anywhere in params, query or body.
 * A callback hook rather than an async one: most requests (a GET without a query) have nothing
 * to look at and leave at once, without a promise.
 */
export function guardText(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  const bad = badTextIn('params', request.params) ?? badTextIn('query', request.query) ?? badTextIn('body', request.body);
  if (!bad) return done();
  done(
    new AppError('validation_failed', 'The request contains characters or nesting that cannot be accepted.', [
      { path: bad, message: 'Contains a NUL character, broken Unicode, or is nested too deeply.' },
    ]),
  );
}

function badTextIn(part: string, value: unknown): string | null {
  return isEmpty(value) ? null : findBadText(value, part, 0);
}
