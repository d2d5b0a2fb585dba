import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSerializerCompiler, serializerSchema } from './serializer.js';

const compile = (schema: z.ZodType, verify: boolean) => createSerializerCompiler({ verify })({ schema, method: 'GET', url: '/api/test', httpStatus: '200' } as never);

const userSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  tags: z.array(z.object({ label: z.string() })),
  note: z.string().optional(),
});

describe('compiled response serialiser', () => {
  it('writes only the fields the schema names, at every depth', () => {
    const serialize = compile(userSchema, false);
    const out = JSON.parse(serialize({ id: 'u1', name: null, passwordHash: 'secret', tags: [{ label: 'a', internal: 1 }], extra: { x: 1 } }));
    expect(out).toEqual({ id: 'u1', name: null, tags: [{ label: 'a' }] });
  });

  it('answers what zod answers, including nullable and optional fields', () => {
    const fast = compile(userSchema, false);
    const checked = compile(userSchema, true);
    const data = { id: 'u2', name: 'Ann', tags: [], note: 'n' };
    expect(JSON.parse(fast(data))).toEqual(z.encode(userSchema, data));
    expect(checked(data)).toBe(fast(data));
  });

  it('still refuses a response that does not match its schema where zod verifies', () => {
    const serialize = compile(userSchema, true);
    expect(() => serialize({ id: 3, name: null, tags: [] })).toThrow(/doesn't match the schema/);
  });

  it('keeps zod for schemas JSON Schema cannot express or that would let unknown keys through', () => {
    expect(serializerSchema(z.object({ at: z.string().transform((v) => v.length) }))).toBeNull();
    expect(serializerSchema(z.looseObject({ id: z.string() }))).toBeNull();
    const serialize = compile(z.looseObject({ id: z.string() }), false);
    expect(JSON.parse(serialize({ id: 'a', more: 1 }))).toEqual({ id: 'a', more: 1 });
  });

  it('turns nullable primitives into a type list, so no validator has to pick a branch', () => {
    expect(serializerSchema(z.object({ name: z.string().nullable() }))).toMatchObject({
      properties: { name: { type: ['string', 'null'] } },
    });
  });
});
