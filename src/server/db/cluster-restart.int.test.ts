import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../shared/schemas/space.js';
import { SocketClient } from '../realtime/test-client.js';
import { signInDemo, startHearthProcess, type HearthProcess, type ProcessSession } from '../testing/hearth-process.js';
import { createPrivateCluster, findPostgresBinaries, type PrivateCluster } from '../testing/pg-cluster.js';
import { testDatabaseKind } from '../testing/test-app.js';

// The PostgreSQL server itself stopped (`pg_ctl stop -m fast`) and started again under write load,
// with a real Hearth process on it and a member's socket open — on a throwaway cluster of the
// test's own (initdb in a temporary folder, its own port), so the machine's shared cluster, which
// other tests use meanwhile, is never disturbed. During the outage every request answers within
// 5 s (503, Retry-After, the error shape); afterwards the same process answers 200 again with no
// restart, every acknowledged write is stored exactly once, and the socket receives every message
// posted, including those posted while its realtime connection (LISTEN) was down.
const onPostgres = testDatabaseKind() === 'postgres';
const bindir = findPostgresBinaries();
// In CI a missing initdb/pg_ctl is a broken machine, not a reason to skip.
const required = process.env.CI === 'true';
const ALWAYS_STAFFED = JSON.stringify([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })));
const HANG_MS = 5_000;
const OUTAGE_MS = 4_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One answered request: its status, body, Retry-After and how long it took. */
interface Answer {
  status: number;
  body: { id?: string; error?: { code?: string; message?: string; requestId?: string } };
  retryAfter: string | null;
  ms: number;
  at: number;
}

/** A request that must be answered within HANG_MS; a hang is recorded as status 0. */
async function send(url: string, init: RequestInit): Promise<Answer> {
  const started = Date.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(HANG_MS + 5_000) });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Answer['body']) : {},
      retryAfter: response.headers.get('retry-after'),
      ms: Date.now() - started,
      at: started,
    };
  } catch (error) {
    return { status: 0, body: { error: { message: String(error) } }, retryAfter: null, ms: Date.now() - started, at: started };
  }
}

const write = (session: ProcessSession, extra: Record<string, string> = {}): RequestInit['headers'] => ({
  'content-type': 'application/json',
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
  ...extra,
});

/** An outage answer as the contract says: 503, Retry-After > 0, the error shape, within 5 s. */
function expectOutageAnswer(answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(503);
  expect(answer.body.error?.code, what).toBe('database_unavailable');
  expect(answer.body.error?.message, what).toMatch(/try again/i);
  expect(answer.body.error?.requestId, what).toBeTruthy();
  expect(Number(answer.retryAfter), what).toBeGreaterThan(0);
  expect(answer.ms, what).toBeLessThan(HANG_MS);
}

describe.runIf(onPostgres && !bindir && !required)('a PostgreSQL stop and start', () => {
  it.skip('needs the PostgreSQL server binaries (initdb, pg_ctl; HEARTH_PG_BINDIR): none found on this machine', () => undefined);
});

describe.runIf(onPostgres && (bindir !== null || required))('a PostgreSQL stop and start under load, on a private cluster', () => {
  let cluster: PrivateCluster | undefined;
  let server: HearthProcess | undefined;
  let groupId: string;
  const sockets: SocketClient[] = [];

  async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: cluster!.url('hearth'), connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    if (!bindir) throw new Error('CI=true: the PostgreSQL server binaries (initdb, pg_ctl) are missing; install postgresql or set HEARTH_PG_BINDIR');
    cluster = await createPrivateCluster({ bindir });
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE hearth');
    await admin.end();
    server = await startHearthProcess({ DATABASE_URL: cluster.url('hearth'), HEARTH_REQUIRE_STAFF_MFA: 'false', HEARTH_DEMO_SEED: 'true' });
    // Posts publish at once whatever the time of day, and every member counts as established.
    await query(`UPDATE therapy_groups SET moderation_mode = 'post', staffed_hours = $1`, [ALWAYS_STAFFED]);
    await query(
      `INSERT INTO moderation_log (id, item_kind, item_id, group_id, author_id, actor_id, action, reason, risk_tier, created_at)
       SELECT gen_random_uuid()::text, 'post', gen_random_uuid()::text, e.group_id, e.participant_id, NULL, 'published', 'test set-up', 'none', now()::text
       FROM enrolments e CROSS JOIN generate_series(1, 3)`,
    );
    const rows = await query<{ group_id: string }>(
      `SELECT e.group_id FROM enrolments e JOIN users u ON u.id = e.participant_id
       WHERE u.email IN ('participant1@demo.hearth.local', 'participant2@demo.hearth.local') AND e.status = 'active'
       GROUP BY e.group_id HAVING count(*) = 2`,
    );
    groupId = rows[0]!.group_id;
  }, 180_000);

  afterAll(async () => {
    for (const socket of sockets) socket.ws.terminate();
    await server?.stop();
    await cluster?.remove();
  }, 60_000);

  it('answers 503 within 5 s while the server is down, recovers without a restart, loses and duplicates nothing, replays the socket', async () => {
    const hearth = server!;
    const [writer, poster] = await Promise.all([signInDemo(hearth, 'participant1@demo.hearth.local'), signInDemo(hearth, 'participant2@demo.hearth.local')]);
    const socket = await SocketClient.open(`${hearth.baseUrl.replace('http', 'ws')}/api/space/socket`, writer as never);
    sockets.push(socket);
    socket.send({ type: 'subscribe', groupId, afterSeq: 0 });
    await socket.next((f) => f.type === 'subscribed' && f.groupId === groupId, 0, 10_000);

    const answers: Answer[] = [];
    const journalAcknowledged = new Set<string>();
    const chatAcknowledged = new Map<number, string>();
    const chatAnsweredAt = new Map<string, number>();
    let running = true;

    // A participant writing journal entries from three tabs at once, each entry with its own
    // Idempotency-Key, sent again with the same key until it is answered 201 (as the web app does):
    // some write is in flight, its key claimed, whenever the server stops.
    const WRITERS = 3;
    const firstAckAfter: (number | null)[] = Array.from({ length: WRITERS }, () => null);
    let restartedAt = Infinity;
    const journal = Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let n = 1; running; n++) {
          while (running) {
            const answer = await send(`${hearth.baseUrl}/api/me/journal`, {
              method: 'POST',
              headers: write(writer, { 'idempotency-key': `outage-${w}-${n}` }),
              body: JSON.stringify({ body: `outage-${w}-${n}` }),
            });
            answers.push(answer);
            if (answer.status === 201) {
              journalAcknowledged.add(`outage-${w}-${n}`);
              if (answer.at >= restartedAt && firstAckAfter[w] === null) firstAckAfter[w] = Date.now() - restartedAt;
              break;
            }
            await sleep(100);
          }
        }
      }),
    );
    // Another member posting to the group's chat over HTTP about once a second (the flood limit is
    // ten at once, one a second), each post with its clientId, sent again until answered 201.
    const chat = (async () => {
      for (let n = 1; running; n++) {
        while (running) {
          const answer = await send(`${hearth.baseUrl}/api/space/groups/${groupId}/posts`, {
            method: 'POST',
            headers: write(poster),
            body: JSON.stringify({ thread: 'chat', text: `chat-${n}`, clientId: `chat-${n}` }),
          });
          answers.push(answer);
          if (answer.status === 201 && answer.body.id) {
            chatAcknowledged.set(n, answer.body.id);
            chatAnsweredAt.set(answer.body.id, Date.now());
            break;
          }
          await sleep(answer.status === 429 ? 1_000 : 100);
        }
        await sleep(1_100);
      }
    })();

    await sleep(2_000);
    expect(journalAcknowledged.size, 'writes went through before the outage').toBeGreaterThan(3);
    const before = { journal: journalAcknowledged.size, chat: chatAcknowledged.size };

    // The outage: the server stops, disconnecting every client (Hearth's pool and its LISTEN).
    const stopping = Date.now();
    await cluster!.stop();
    const stoppedAt = Date.now();
    await sleep(500);
    const probes: Answer[] = [];
    for (let i = 0; Date.now() - stoppedAt < OUTAGE_MS; i++) {
      probes.push(
        ...(await Promise.all([
          send(`${hearth.baseUrl}/api/me/journal`, { method: 'POST', headers: write(writer), body: JSON.stringify({ body: `probe-${i}` }) }),
          send(`${hearth.baseUrl}/api/me/journal`, { headers: { cookie: writer.cookie } }),
          send(`${hearth.baseUrl}/api/space/groups/${groupId}/posts?thread=chat`, { headers: { cookie: poster.cookie } }),
        ])),
      );
      await sleep(300);
    }
    const ready = await send(`${hearth.baseUrl}/api/health/ready`, {});
    const live = await send(`${hearth.baseUrl}/api/health/live`, {});

    await cluster!.start();
    const startedAt = Date.now();
    restartedAt = startedAt;
    // When Hearth's LISTEN connection is back (it reconnects with growing pauses): posts answered
    // before then reach the socket only through the catch-up from the database.
    let listenBack = 0;
    const watchListen = (async () => {
      while (Date.now() - startedAt < 30_000) {
        const rows = await query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN %'`).catch(() => [{ n: '0' }]);
        if (Number(rows[0]?.n) > 0) {
          listenBack = Date.now();
          return;
        }
        await sleep(50);
      }
    })();
    let readyAgain = 0;
    while (Date.now() - startedAt < 20_000) {
      if ((await send(`${hearth.baseUrl}/api/health/ready`, {})).status === 200) {
        readyAgain = Date.now() - startedAt;
        break;
      }
      await sleep(200);
    }
    // The writers go on until each has had writes acknowledged after the restart (or 70 s: longer
    // than a stuck Idempotency-Key claim would take to go stale, so such a stall shows as a number).
    const recovered = { journal: journalAcknowledged.size, chat: chatAcknowledged.size };
    const until = Date.now() + 70_000;
    while ((firstAckAfter.some((t) => t === null) || chatAcknowledged.size < recovered.chat + 2) && Date.now() < until) await sleep(200);
    running = false;
    await Promise.all([journal, chat, watchListen]);
    const beforeListen = [...chatAnsweredAt.values()].filter((at) => at >= startedAt && (listenBack === 0 || at < listenBack)).length;
    console.log(
      `cluster stop ${stoppedAt - stopping} ms; outage ${startedAt - stoppedAt} ms; ready again ${readyAgain} ms after start; ` +
        `journal acknowledged ${journalAcknowledged.size} (${before.journal} before), each writer's first after the start ${firstAckAfter.join('/')} ms, chat ${chatAcknowledged.size} (${before.chat} before); ` +
        `LISTEN back ${listenBack ? listenBack - startedAt : 'never'} ms after start, ${beforeListen} post(s) answered before it; answers ${answers.length}, 503s ${answers.filter((a) => a.status === 503).length}, 409s ${answers.filter((a) => a.status === 409).length}, slowest ${Math.max(...answers.map((a) => a.ms))} ms`,
    );

    // During the outage: every request answered within 5 s with the outage answer; ready is 503, live 200.
    expect(probes.length).toBeGreaterThanOrEqual(6);
    for (const probe of probes) expectOutageAnswer(probe, 'a request while PostgreSQL was stopped');
    expect(ready.status).toBe(503);
    expect(live.status).toBe(200);
    // The writers met the outage too, and nothing else: no 500, no hang.
    const unexpected = answers.filter((a) => ![201, 503, 429].includes(a.status) && !(a.status === 409 && a.body.error?.code === 'idempotency_in_progress'));
    expect(unexpected, JSON.stringify(unexpected.slice(0, 3))).toEqual([]);
    for (const answer of answers.filter((a) => a.status === 503)) expectOutageAnswer(answer, 'a write during the outage');
    expect(answers.filter((a) => a.status === 503 && a.at >= stoppedAt).length).toBeGreaterThan(0);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(HANG_MS);

    // Recovery, by the same process: it never exited and answers again.
    expect(readyAgain).toBeGreaterThan(0);
    expect(readyAgain).toBeLessThan(10_000);
    expect(hearth.child.exitCode).toBeNull();
    // Every writer's next entry went through within 10 s of the start (the recovery target).
    for (const after of firstAckAfter) expect(after, 'a writer stalled after the restart').not.toBeNull();
    expect(Math.max(...firstAckAfter.map(Number))).toBeLessThan(10_000);
    expect(chatAcknowledged.size).toBeGreaterThanOrEqual(recovered.chat + 2);
    expect(hearth.output()).not.toMatch(/Unhandled 'error' event/);

    // Every acknowledged write is stored, once.
    const entries = await query<{ body: string; n: string }>(
      `SELECT j.body, count(*) AS n FROM journal_entries j JOIN users u ON u.id = j.participant_id
       WHERE u.email = 'participant1@demo.hearth.local' AND j.body LIKE 'outage-%' GROUP BY j.body`,
    );
    const stored = new Map(entries.map((r) => [r.body, Number(r.n)]));
    expect(
      [...journalAcknowledged].filter((body) => !stored.has(body)),
      'acknowledged journal entries lost',
    ).toEqual([]);
    expect(
      entries.filter((r) => Number(r.n) > 1),
      'journal entries stored twice',
    ).toEqual([]);
    const posts = await query<{ id: string; body: string; seq: string }>(`SELECT id, body, seq FROM space_posts WHERE group_id = $1 AND body LIKE 'chat-%'`, [groupId]);
    const postIds = new Set(posts.map((p) => p.id));
    expect(
      [...chatAcknowledged.values()].filter((id) => !postIds.has(id)),
      'acknowledged posts lost',
    ).toEqual([]);
    expect(new Set(posts.map((p) => p.body)).size, 'posts stored twice').toBe(posts.length);

    // The socket, open throughout, receives every stored post — those posted while its LISTEN
    // connection was down included — once each, in order.
    const isChat = (f: ServerFrame): f is Extract<ServerFrame, { type: 'post' }> => f.type === 'post' && f.groupId === groupId && f.post.body.startsWith('chat-');
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !posts.every((p) => socket.frames.some((f) => isChat(f) && f.post.id === p.id))) await sleep(200);
    const received = socket.frames.filter(isChat);
    expect(
      posts.filter((p) => !received.some((f) => f.post.id === p.id)).map((p) => p.body),
      'posts the socket never received',
    ).toEqual([]);
    const seqs = received.map((f) => f.seq);
    expect(new Set(seqs).size, 'a post delivered twice').toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(socket.closed).toBeNull();
  }, 200_000);
});
