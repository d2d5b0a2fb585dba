import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../shared/schemas/space.js';
import { call, signIn, type Session, type World } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { createSocketWorld, SocketPool, type SocketClient } from './test-client.js';

let t: TestApp;
let world: World;
let url: string;
let alice: Session;
let aaron: Session;
let bea: Session;
let clinician: Session;
const sockets = new SocketPool();

const connect = (session: Session | null, headers: Record<string, string> = {}) => sockets.connect(url, session, headers);

const isPost = (f: ServerFrame): f is Extract<ServerFrame, { type: 'post' }> => f.type === 'post';
const isError = (f: ServerFrame): f is Extract<ServerFrame, { type: 'error' }> => f.type === 'error';

async function post(client: SocketClient, text: string, clientId: string = crypto.randomUUID()) {
  const from = client.frames.length;
  client.send({ type: 'post', groupId: world.groupA, thread: 'chat', clientId, text });
  return client.next((f) => (f.type === 'ack' || f.type === 'error') && f.clientId === clientId, from);
}

beforeAll(async () => {
  t = await createTestApp();
  ({ world, url, alice, aaron, bea, clinician } = await createSocketWorld(t, (w) => [w.participantA.id, w.clinicianA.id]));
});

// Each case starts with full rate-limit buckets; the flood case drains one on purpose.
beforeEach(() => t.app.spaceHub.limiter.reset());

afterAll(async () => {
  sockets.closeAll();
  await t?.close();
});

describe('group space socket', () => {
  it('refuses the upgrade without a session or from another origin', async () => {
    await expect(connect(null)).rejects.toThrow(/401/);
    await expect(connect(alice, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const sameOrigin = await connect(alice, { origin: url.replace('ws://', 'http://').replace('/api/space/socket', '') });
    await sameOrigin.pingPong();
  });

  it('delivers chat live between two members, and an ack with the stored post', async () => {
    const a = await connect(alice);
    const c = await connect(clinician);
    await a.subscribe(world.groupA);
    await c.subscribe(world.groupA);
    const from = c.frames.length;
    const ack = await post(a, 'Hello <b>everyone</b> <script>alert(1)</script>');
    expect(ack.type).toBe('ack');
    const received = await c.next(isPost, from);
    expect(received.post.body).toBe('Hello <b>everyone</b> <script>alert(1)</script>');
    expect(received.post.author.label).toBe('Willow');
    expect(received.post.mine).toBe(false);
  });

  it('resumes after a disconnect with nothing lost and nothing twice', async () => {
    const reader = await connect(clinician);
    await reader.subscribe(world.groupA);
    const writer = await connect(alice);
    await post(writer, 'before the drop');
    await reader.next((f) => f.type === 'post' && f.post.body === 'before the drop');
    const lastSeen = Math.max(...reader.seqs(world.groupA));
    reader.close();
    for (const text of ['while away 1', 'while away 2', 'while away 3']) await post(writer, text);
    const again = await connect(clinician);
    await again.subscribe(world.groupA, lastSeen);
    await post(writer, 'after the return');
    await again.next((f) => f.type === 'post' && f.post.body === 'after the return');
    const bodies = again.frames.filter(isPost).map((f) => f.post.body);
    expect(bodies).toEqual(['while away 1', 'while away 2', 'while away 3', 'after the return']);
    const seqs = again.seqs(world.groupA);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
  });

  it('has no gap and no duplicate when posts race a subscription', async () => {
    const writer = await connect(clinician);
    const before = await call(t.app, clinician, 'GET', `/api/space/groups/${world.groupA}`);
    const startSeq = (before.json() as { lastSeq: number }).lastSeq;
    // Within the member's burst (10), so none is rate limited.
    const sends = Array.from({ length: 9 }, (_, i) => post(writer, `race ${i}`));
    const reader = await connect(alice);
    reader.send({ type: 'subscribe', groupId: world.groupA, afterSeq: startSeq });
    expect((await Promise.all(sends)).every((ack) => ack.type === 'ack')).toBe(true);
    await reader.next((f) => f.type === 'subscribed');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const race = reader.frames.filter(isPost).filter((f) => f.post.body.startsWith('race '));
    expect(race.map((f) => f.post.body).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `race ${i}`).sort());
    const seqs = reader.seqs(world.groupA);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
  });

  it('answers a forged or foreign group id with an error frame and keeps the socket open', async () => {
    const a = await connect(alice);
    for (const groupId of [world.groupB, 'not-a-uuid', crypto.randomUUID()]) {
      const from = a.frames.length;
      a.send({ type: 'subscribe', groupId, afterSeq: 0 });
      const error = await a.next(isError, from);
      expect(error.code).toBe('not_found');
    }
    const from = a.frames.length;
    a.send({ type: 'post', groupId: world.groupB, thread: 'chat', clientId: 'forged', text: 'hi B' });
    expect((await a.next(isError, from)).code).toBe('not_found');
    await a.pingPong();
    // A member of group B cannot subscribe to group A either.
    const b = await connect(bea);
    await b.subscribe(world.groupA);
    expect(b.frames.some((f) => f.type === 'error' && f.code === 'not_found')).toBe(true);
  });

  it('refuses malformed frames, huge frames and broken text with stable codes, socket and server up', async () => {
    const a = await connect(alice);
    let from = a.frames.length;
    a.send('{not json');
    expect((await a.next(isError, from)).code).toBe('malformed_json');
    from = a.frames.length;
    a.send({ type: 'shout', groupId: world.groupA });
    expect((await a.next(isError, from)).code).toBe('validation_failed');
    from = a.frames.length;
    a.send(JSON.stringify({ type: 'post', groupId: world.groupA, thread: 'chat', clientId: 'huge', text: 'x'.repeat(20_000) }));
    expect((await a.next(isError, from)).code).toBe('payload_too_large');
    from = a.frames.length;
    a.send(JSON.stringify({ type: 'post', groupId: world.groupA, thread: 'chat', clientId: 'huger', text: 'x'.repeat(200_000) }));
    expect((await a.next(isError, from)).code).toBe('payload_too_large');
    const long = await post(a, 'y'.repeat(4001), 'long');
    expect(long.type === 'error' && long.code).toBe('validation_failed');
    // A lone surrogate, as JSON escapes allow.
    from = a.frames.length;
    a.send('{"type":"post","groupId":"' + world.groupA + '","thread":"chat","clientId":"surrogate","text":"broken \\ud800 text"}');
    expect((await a.next(isError, from)).code).toBe('validation_failed');
    // Right-to-left overrides and zero-width characters are removed, markup is kept as text.
    const cleaned = await post(a, 'safe\u202Etxt.exe\u200B <img src=x onerror=alert(1)>', 'bidi');
    expect(cleaned.type === 'ack' && cleaned.post.body).toBe('safetxt.exe <img src=x onerror=alert(1)>');
    await a.pingPong();
    const health = await call(t.app, null, 'GET', '/api/health');
    expect(health.statusCode).toBe(200);
  });

  it('returns the stored post for a repeated clientId instead of a second copy', async () => {
    const a = await connect(alice);
    const first = await post(a, 'only once', 'same-id');
    const second = await post(a, 'only once', 'same-id');
    expect(first.type === 'ack' && second.type === 'ack' && first.post.id === second.post.id).toBe(true);
  });

  it('limits floods per member with rate_limited', async () => {
    const a = await connect(aaron);
    const results = [];
    for (let i = 0; i < 14; i++) results.push(await post(a, `flood ${i}`));
    const limited = results.filter((r) => r.type === 'error' && r.code === 'rate_limited');
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(results.slice(0, 10).every((r) => r.type === 'ack')).toBe(true);
    await a.pingPong();
  });

  it('shows a held post to its author and the clinicians only', async () => {
    // Aaron has no published posts yet: a new member's first posts are held.
    const author = await connect(aaron);
    const peer = await connect(alice);
    const staff = await connect(clinician);
    await Promise.all([author.subscribe(world.groupA), peer.subscribe(world.groupA), staff.subscribe(world.groupA)]);
    const [peerFrom, staffFrom] = [peer.frames.length, staff.frames.length];
    const ack = await post(author, 'my first words here', 'held-1');
    expect(ack.type === 'ack' && ack.post.status).toBe('held');
    expect(ack.type === 'ack' && ack.post.statusReasons.map((r) => r.code)).toContain('new_member');
    const seen = await staff.next((f) => f.type === 'post' && f.post.body === 'my first words here', staffFrom);
    expect(seen.type === 'post' && seen.post.status).toBe('held');
    await post(peer, 'a later published message', 'peer-later');
    await peer.next((f) => f.type === 'post' && f.post.body === 'a later published message', peerFrom);
    expect(peer.frames.slice(peerFrom).some((f) => f.type === 'post' && f.post.body === 'my first words here')).toBe(false);
    // Approved by a facilitator: delivered live to everyone, as published.
    const heldId = ack.type === 'ack' ? ack.post.id : '';
    const approved = await call(t.app, clinician, 'POST', `/api/moderation/items/${heldId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const delivered = await peer.next((f) => f.type === 'post' && f.post.id === heldId, peerFrom);
    expect(delivered.type === 'post' && delivered.post.status).toBe('published');
    const toAuthor = await author.next((f) => f.type === 'post' && f.post.id === heldId && f.post.status === 'published');
    expect(toAuthor.type).toBe('post');
  });

  it('takes back a post from peers when an edit is held for review again', async () => {
    const a = await connect(alice);
    const peer = await connect(clinician);
    const other = await connect(aaron);
    await Promise.all([peer.subscribe(world.groupA), other.subscribe(world.groupA)]);
    const sent = await post(a, 'a thought I may rephrase', 'to-edit');
    const postId = sent.type === 'ack' ? sent.post.id : '';
    await other.next((f) => f.type === 'post' && f.post.id === postId);
    await t.database.db.updateTable('therapy_groups').set({ moderation_mode: 'pre' }).where('id', '=', world.groupA).execute();
    const from = other.frames.length;
    const edited = await call(t.app, alice, 'PATCH', `/api/space/posts/${postId}`, { text: 'rephrased' });
    expect(edited.json().status).toBe('held');
    await other.next((f) => f.type === 'retract' && f.postId === postId, from);
    // The clinician sees the held edit itself.
    await peer.next((f) => f.type === 'post' && f.post.id === postId && f.post.status === 'held');
    await t.database.db.updateTable('therapy_groups').set({ moderation_mode: 'post' }).where('id', '=', world.groupA).execute();
  });

  it('closes a withdrawn member’s socket', async () => {
    const a = await connect(aaron);
    await a.subscribe(world.groupA);
    const enrolment = await t.database.db.selectFrom('enrolments').select('id').where('participant_id', '=', world.participantA2.id).executeTakeFirstOrThrow();
    const response = await call(t.app, clinician, 'POST', `/api/enrolments/${enrolment.id}/status`, { status: 'withdrawn', reason: 'Moved away' });
    expect(response.statusCode).toBe(204);
    await a.next((f) => f.type === 'revoked' && f.groupId === world.groupA);
    expect((await a.closedWith()).code).toBe(4403);
    // Reconnecting does not get them back in.
    const again = await connect(aaron);
    await again.subscribe(world.groupA);
    expect(again.frames.some((f) => f.type === 'error' && f.code === 'not_found')).toBe(true);
  });

  it('closes the sockets of a session that signed out', async () => {
    const session = await signIn(t, world.participantA);
    const a = await connect(session);
    await a.subscribe(world.groupA);
    const out = await call(t.app, session, 'POST', '/api/auth/logout');
    expect(out.statusCode).toBeLessThan(300);
    expect((await a.closedWith()).code).toBe(4401);
  });

  it('tells the group’s clinicians about a new alert', async () => {
    const staff = await connect(clinician);
    const from = staff.frames.length;
    const target = await post(staff, 'something to report', 'to-report');
    expect(target.type).toBe('ack');
    const postId = target.type === 'ack' ? target.post.id : '';
    // A member's report raises an alert for the group's facilitators, live.
    const response = await call(t.app, alice, 'POST', `/api/space/posts/${postId}/reports`, { kind: 'agreement' });
    expect(response.statusCode).toBe(201);
    await staff.next((f) => f.type === 'alert' && f.event === 'alert.raised', from);
  });
});

describe('live notifications', () => {
  it('tells a member’s open pages at once that a notification arrived, and nobody outside the group', async () => {
    // Alice is a current member of group A (Aaron was withdrawn above), Bea is in group B.
    const a = await connect(alice);
    const b = await connect(bea);
    const [fromA, fromB] = [a.frames.length, b.frames.length];
    const cancelled = await call(t.app, clinician, 'POST', `/api/group-sessions/${world.upcomingA}/cancel`, { reason: 'The room is flooded.' });
    expect(cancelled.statusCode).toBe(204);
    await a.next((f) => f.type === 'notification', fromA);
    await b.pingPong();
    expect(b.frames.slice(fromB).some((f) => f.type === 'notification')).toBe(false);
  });
});
