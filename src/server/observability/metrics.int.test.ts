import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { newId } from '../lib/ids.js';
import { createGoalsWorld, goalInput, type GoalsWorld } from '../modules/goals/test-support.js';
import { call, openSpace } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { listen, SocketClient } from '../realtime/test-client.js';
import { runJob } from './job-run.js';

const TOKEN = 'metrics-token-0123456789-abcdef';

let t: TestApp;
let w: GoalsWorld;

beforeAll(async () => {
  t = await createTestApp({ HEARTH_METRICS: 'on', HEARTH_METRICS_TOKEN: TOKEN });
  w = await createGoalsWorld(t);
});
afterAll(async () => t?.close());

/** Scrapes /metrics; `authorization` null sends no Authorization header. */
const scrape = (app = t.app, authorization: string | null = `Bearer ${TOKEN}`) =>
  app.inject({ method: 'GET', url: '/metrics', headers: authorization === null ? {} : { authorization } });

/** The value of one sample line, e.g. sample(text, 'hearth_http_errors_total{code="not_found"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('answers 404 and counts nothing when metrics are off (the default)', async () => {
    const off = await createTestApp();
    try {
      expect(off.app.hearth.metrics).toBeNull();
      const r = await scrape(off.app);
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('not_found');
    } finally {
      await off.close();
    }
  });

  it('asks for the bearer token: none or a wrong one is 401', async () => {
    for (const authorization of [null, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const r = await scrape(t.app, authorization);
      expect(r.statusCode, String(authorization)).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(r.body).not.toContain('hearth_');
    }
    const ok = await scrape();
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts and times requests by route pattern, and errors by code, with no personal data in labels', async () => {
    const goal = await call(t.app, w.s.owner, 'POST', '/api/me/goals', goalInput());
    const goalId = (goal.json() as { id: string }).id;
    for (let i = 0; i < 3; i++) expect((await call(t.app, w.s.owner, 'GET', `/api/goals/${goalId}`)).statusCode).toBe(200);
    expect((await call(t.app, w.s.outsider, 'GET', `/api/goals/${goalId}`)).statusCode).toBe(404);
    expect((await call(t.app, w.s.owner, 'POST', '/api/me/goals', goalInput({ action: '' }))).statusCode).toBe(400);
    await call(t.app, w.s.owner, 'POST', '/api/me/journal', { prompt: null, body: 'Walked with Jo Bloggs by the river' });

    const text = (await scrape()).body;
    expect(sample(text, 'hearth_http_requests_total{method="GET",route="/api/goals/:goalId",status="200"}')).toBe(3);
    expect(sample(text, 'hearth_http_requests_total{method="GET",route="/api/goals/:goalId",status="404"}')).toBe(1);
    expect(sample(text, 'hearth_http_requests_total{method="POST",route="/api/me/goals",status="201"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'hearth_http_request_duration_seconds_count{method="GET",route="/api/goals/:goalId"}')).toBe(4);
    expect(sample(text, 'hearth_http_errors_total{code="not_found"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'hearth_http_errors_total{code="validation_failed"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'hearth_websocket_connections')).toBe(0);

    // Ids, e-mail addresses, names and what people wrote never appear.
    const people = [w.participantA, w.participantA2, w.participantB, w.clinicianA, w.admin];
    for (const secret of [goalId, ...people.flatMap((p) => [p.id, p.email, p.displayName]), 'Jo Bloggs', 'river', w.groupA]) {
      expect(text, secret).not.toContain(secret);
    }
    for (const line of text.split('\n').filter((l) => l.startsWith('hearth_http_requests_total{'))) {
      expect(line).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });

  it('counts unresolved alerts by status, tier and age bucket', async () => {
    const series = (status: string, tier: string, age: string) => `hearth_alerts_unresolved{status="${status}",tier="${tier}",age="${age}"}`;
    const before = (await scrape()).body;
    const was = (status: string, tier: string, age: string) => sample(before, series(status, tier, age)) ?? 0;
    const now = t.clock.now();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
    const alert = (tier: 'concern' | 'urgent', status: 'open' | 'acknowledged' | 'resolved', createdAt: string) => ({
      id: newId(),
      kind: 'risk_language',
      tier,
      participant_id: w.participantA.id,
      enrolment_id: null,
      group_id: w.groupA,
      source_type: 'journal_entry',
      source_id: newId(),
      summary: 'fixture',
      status,
      created_at: createdAt,
      ack_due_at: createdAt,
    });
    await t.database.db
      .insertInto('alerts')
      .values([
        alert('urgent', 'open', ago(5)),
        alert('urgent', 'open', ago(7)),
        alert('urgent', 'open', ago(90)),
        alert('concern', 'acknowledged', ago(60 * 30)),
        alert('concern', 'resolved', ago(2)),
      ])
      .execute();
    const text = (await scrape()).body;
    expect(sample(text, series('open', 'urgent', 'under_15m'))).toBe(was('open', 'urgent', 'under_15m') + 2);
    expect(sample(text, series('open', 'urgent', '1h_to_4h'))).toBe(was('open', 'urgent', '1h_to_4h') + 1);
    expect(sample(text, series('acknowledged', 'concern', '24h_or_more'))).toBe(was('acknowledged', 'concern', '24h_or_more') + 1);
    expect(text).not.toContain('status="resolved"');
    if (t.database.kind === 'postgres') {
      expect(sample(text, 'hearth_db_pool_waiting')).toBe(0);
      expect(sample(text, 'hearth_db_pool_connections{state="in_use"}')).toBeGreaterThanOrEqual(0);
    } else {
      expect(text).not.toContain('hearth_db_pool');
    }
  });

  it('counts open WebSockets and the frames the hub delivers', async () => {
    await openSpace(t, w.groupA, [w.participantA.id, w.clinicianA.id]);
    const client = await SocketClient.open(await listen(t), w.s.owner, {});
    try {
      const from = client.frames.length;
      client.send({ type: 'ping' });
      await client.next((f) => f.type === 'pong', from);
      const text = (await scrape()).body;
      expect(sample(text, 'hearth_websocket_connections')).toBe(1);
      expect(sample(text, 'hearth_realtime_frames_sent_total{type="pong"}')).toBe(1);
    } finally {
      client.close();
    }
  });

  it('counts job runs and failures, and writes one structured log line per run', async () => {
    const lines: { level: string; fields: Record<string, unknown> }[] = [];
    const log = Object.fromEntries(
      ['info', 'debug', 'error', 'warn'].map((level) => [level, (fields: Record<string, unknown>) => lines.push({ level, fields })]),
    ) as unknown as FastifyBaseLogger;
    const ctx = { log, metrics: t.app.hearth.metrics };
    expect(
      await runJob(
        'digests',
        ctx,
        async () => 2,
        (sent) => ({ sent }),
      ),
    ).toBe(2);
    expect(
      await runJob(
        'digests',
        ctx,
        async () => 0,
        (sent) => ({ sent }),
      ),
    ).toBe(0);
    expect(
      await runJob(
        'mail',
        ctx,
        () => Promise.reject(new Error('SMTP refused')),
        () => ({}),
      ),
    ).toBeUndefined();
    expect(lines.map((l) => [l.level, l.fields.job, l.fields.outcome])).toEqual([
      ['info', 'digests', 'ok'],
      ['debug', 'digests', 'ok'],
      ['error', 'mail', 'failed'],
    ]);
    expect(lines[0]?.fields).toMatchObject({ sent: 2, durationMs: expect.any(Number) });
    const text = (await scrape()).body;
    expect(sample(text, 'hearth_job_runs_total{job="digests",outcome="ok"}')).toBe(2);
    expect(sample(text, 'hearth_job_runs_total{job="mail",outcome="failed"}')).toBe(1);
    expect(sample(text, 'hearth_job_duration_seconds_count{job="digests"}')).toBe(2);
  });
});
