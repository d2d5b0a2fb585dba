import WebSocket from 'ws';
import type { ServerFrame } from '../../shared/schemas/space.js';
import { createWorld, openSpace, signInAll, type Session, type World } from '../testing/fixtures.js';
import type { TestApp } from '../testing/test-app.js';

/** A WebSocket client for tests: records every frame and waits for the ones it expects. */
export class SocketClient {
  readonly frames: ServerFrame[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as ServerFrame);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  /** Opens a socket as `session` to a listening app; resolves once the server said ready. */
  static async open(url: string, session: Session | null, headers: Record<string, string> = {}): Promise<SocketClient> {
    const ws = new WebSocket(url, { headers: { ...(session ? { cookie: session.cookie } : {}), ...headers } });
    const client = new SocketClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    await client.next((f) => f.type === 'ready');
    return client;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Waits for the first frame (from `from` on) matching `match`. */
  async next<T extends ServerFrame>(match: (frame: ServerFrame) => frame is T, from?: number, timeoutMs?: number): Promise<T>;
  async next(match: (frame: ServerFrame) => boolean, from?: number, timeoutMs?: number): Promise<ServerFrame>;
  async next(match: (frame: ServerFrame) => boolean, from = 0, timeoutMs = 5000): Promise<ServerFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) while waiting; frames: ${JSON.stringify(this.frames).slice(0, 500)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting; frames: ${JSON.stringify(this.frames).slice(0, 800)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the socket is closed. */
  async closedWith(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket still open');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.closed;
  }

  /** Subscribes and waits for the subscription to be live. */
  async subscribe(groupId: string, afterSeq = 0): Promise<void> {
    const from = this.frames.length;
    this.send({ type: 'subscribe', groupId, afterSeq });
    await this.next((f) => (f.type === 'subscribed' && f.groupId === groupId) || (f.type === 'error' && f.groupId === groupId), from);
  }

  /** Pings and waits for the pong: the socket is alive and has answered everything sent before. */
  async pingPong(): Promise<void> {
    const from = this.frames.length;
    this.send({ type: 'ping' });
    await this.next((f) => f.type === 'pong', from);
  }

  /** Sequence numbers of the posts received for a group, in order. */
  seqs(groupId: string): number[] {
    return this.frames.flatMap((f) => (f.type === 'post' && f.groupId === groupId ? [f.seq] : []));
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** Listens on a random loopback port; returns the socket URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `ws://127.0.0.1:${address.port}/api/space/socket`;
}

/** The sockets a test file opened, closed together when it ends. */
export class SocketPool {
  private readonly open: SocketClient[] = [];

  /** Opens a socket as `session` (see SocketClient.open) and keeps it for closeAll. */
  async connect(url: string, session: Session | null, headers: Record<string, string> = {}): Promise<SocketClient> {
    const client = await SocketClient.open(url, session, headers);
    this.open.push(client);
    return client;
  }

  closeAll(): void {
    for (const client of this.open) client.close();
  }
}

/**
 * The world the socket tests share: group A's space open with `spaceAuthors` established, the app
 * listening, and Alice, Aaron (group A), Bea (group B) and group A's clinician signed in.
 */
export async function createSocketWorld(t: TestApp, spaceAuthors: (world: World) => string[]) {
  const world = await createWorld(t);
  await openSpace(t, world.groupA, spaceAuthors(world));
  const url = await listen(t);
  const [alice, aaron, bea, clinician] = (await signInAll(t, [world.participantA, world.participantA2, world.participantB, world.clinicianA])) as [
    Session,
    Session,
    Session,
    Session,
  ];
  return { world, url, alice, aaron, bea, clinician };
}
