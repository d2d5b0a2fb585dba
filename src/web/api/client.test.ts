import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './client';

type Answer = Response | 'network';
let answers: Answer[];
let sent: { url: string; method: string; key: string | undefined }[];

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const busy = () => json(409, { error: { code: 'idempotency_in_progress', message: 'busy' } }, { 'retry-after': '1' });

beforeEach(() => {
  answers = [];
  sent = [];
  vi.useFakeTimers();
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({ url, method: String(init.method), key: headers['idempotency-key'] });
    const next = answers.shift() ?? json(500, {});
    return next === 'network' ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(next);
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function settle<T>(promise: Promise<T>): Promise<T> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  const result = await outcome;
  if ('error' in result) throw result.error;
  return result.value;
}

describe('api(): one Idempotency-Key per submission', () => {
  it('retries a POST whose answer was lost with the same key, and sends no key on reads', async () => {
    answers = ['network', busy(), json(201, { id: 'c1' })];
    await expect(settle(api('POST', '/goals/g1/checkins', { progress: 'some' }))).resolves.toEqual({ id: 'c1' });
    expect(sent).toHaveLength(3);
    expect(sent[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);

    answers = [json(200, { goals: [] })];
    await settle(api('GET', '/me/goals'));
    expect(sent[3]?.key).toBeUndefined();
  });

  it('gives the person’s next press of the button the same key while the outcome is unknown, and a new one after an answer', async () => {
    const body = { prompt: null, body: 'A walk by the river.' };
    answers = ['network', 'network', 'network'];
    const lost = await settle(api('POST', '/me/journal', body)).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(ApiError);
    expect((lost as ApiError).code).toBe('network');
    answers = [json(201, { id: 'j1' })];
    await settle(api('POST', '/me/journal', body));
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);

    // Answered: writing the same words again is a new entry, with a new key.
    answers = [json(201, { id: 'j2' })];
    await settle(api('POST', '/me/journal', body));
    expect(sent[4]?.key).not.toBe(sent[3]?.key);
    // Other words are another submission.
    answers = [json(201, { id: 'j3' })];
    await settle(api('POST', '/me/journal', { prompt: null, body: 'Other words.' }));
    expect(sent[5]?.key).not.toBe(sent[4]?.key);
  });

  it('does not retry a refusal, nor a sign-in step', async () => {
    answers = [json(422, { error: { code: 'not_a_member', message: 'Not a member.' } })];
    await expect(settle(api('POST', '/me/goals', { action: 'x' }))).rejects.toMatchObject({ code: 'not_a_member' });
    expect(sent).toHaveLength(1);
    answers = ['network'];
    await expect(settle(api('POST', '/auth/login', { email: 'a@b.c' }))).rejects.toMatchObject({ code: 'network' });
    expect(sent).toHaveLength(2);
  });
});
