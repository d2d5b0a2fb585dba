import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify';
import fastJsonStringify from 'fast-json-stringify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';

/**
 * Response serialisation: each route's zod response schema is turned once into JSON Schema
 * (`z.toJSONSchema`, output side) and compiled by fast-json-stringify, Fastify's own serialiser.
 * Running zod on every response (parse, then JSON.stringify) cost several times more.
 *
 * What stays as it was:
 * - nothing outside the schema leaves the server: every zod object becomes a JSON Schema object
 *   with its declared properties only, and fast-json-stringify writes declared properties only
 *   (a schema that would let unknown keys through — a loose object, `catchall` — keeps zod);
 * - a schema JSON Schema cannot express (a transform, a custom type) keeps zod, for that route;
 * - with `verify` (development and tests) every response also goes through zod as before: a
 *   value that does not match its schema is still refused (500), and the compiled answer must
 *   equal zod's, so the whole test suite checks that the two agree.
 * In production a value of the wrong type is coerced by the serialiser rather than refused: the
 * schema still decides which fields are written, never the value.
 */

type Serialize = (data: unknown) => string;

interface JsonSchema {
  [keyword: string]: unknown;
}

// Compiled once per zod schema (schemas are module constants shared by every app in a process).
const compiled = new WeakMap<ZodType, Serialize | null>();

/** The JSON Schema fast-json-stringify compiles, or null where zod must keep serialising. */
export function serializerSchema(schema: ZodType): JsonSchema | null {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' }) as JsonSchema;
  } catch {
    return null;
  }
  delete json.$schema;
  return isClosed(json) ? simplifyNullable(json) : null;
}

/**
 * True when every object in the schema lists its properties and lets nothing else through, so
 * the serialiser cannot write a field the schema does not name. A record (`additionalProperties`
 * as a schema) is closed when its values are; a bare `{}` (z.unknown) is written as it is, as
 * zod does.
 */
function isClosed(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isClosed);
  if (!node || typeof node !== 'object') return true;
  const schema = node as JsonSchema;
  if (schema.type === 'object' && schema.properties !== undefined && schema.additionalProperties !== false) {
    return false;
  }
  if (schema.additionalProperties === true || schema.patternProperties !== undefined) return false;
  return Object.entries(schema).every(([keyword, value]) => keyword === 'default' || keyword === 'examples' || isClosed(value));
}

/** `anyOf: [X, {type: 'null'}]` (zod's `.nullable()`) as `type: [X.type, 'null']`: no validator needed to choose. */
function simplifyNullable(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(node)) out[keyword] = simplifyValue(value);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2 && Object.keys(out).length === 1) {
    const nullIndex = anyOf.findIndex((s: JsonSchema) => s.type === 'null' && Object.keys(s).length === 1);
    const other = anyOf[1 - nullIndex] as JsonSchema | undefined;
    if (nullIndex !== -1 && other && typeof other.type === 'string' && other.type !== 'null' && !('const' in other)) {
      return { ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

function simplifyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(simplifyValue);
  if (value && typeof value === 'object') return simplifyNullable(value as JsonSchema);
  return value;
}

function zodSerializer(schema: ZodType, method: string, url: string): Serialize {
  return (data) => {
    const result = z.safeEncode(schema, data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
}

/** The compiled serialiser for a schema (null: zod keeps it), built on first use and then kept. */
function compiledFor(schema: ZodType): Serialize | null {
  let serialize = compiled.get(schema);
  if (serialize === undefined) {
    const json = serializerSchema(schema);
    try {
      serialize = json ? (fastJsonStringify(json) as Serialize) : null;
    } catch {
      // A construct fast-json-stringify does not take: zod serialises this schema, as before.
      serialize = null;
    }
    compiled.set(schema, serialize);
  }
  return serialize;
}

/**
 * Fastify's serializer compiler for zod response schemas. Compiling is deferred to a route's
 * first response, so starting an app (every test file starts several) compiles nothing unused.
 */
export function createSerializerCompiler(options: { verify: boolean }): FastifySerializerCompiler<ZodType> {
  return ({ schema, method, url }) => {
    const viaZod = zodSerializer(schema, method, url);
    let serialize: Serialize | undefined;
    const first: Serialize = (data) => {
      const fast = compiledFor(schema);
      serialize = fast ? (options.verify ? verified(fast, viaZod, method, url) : fast) : viaZod;
      return serialize(data);
    };
    return (data) => (serialize ?? first)(data);
  };
}

/** Both serialisers; zod's verdict stands and the compiled answer must match it. */
function verified(fast: Serialize, viaZod: Serialize, method: string, url: string): Serialize {
  return (data) => {
    const expected = viaZod(data);
    const actual = fast(data);
    if (actual !== expected && !isDeepStrictEqual(JSON.parse(actual), JSON.parse(expected))) {
      throw new Error(`The compiled serialiser for ${method} ${url} disagrees with zod:\n  compiled ${actual}\n  zod      ${expected}`);
    }
    return actual;
  };
}
