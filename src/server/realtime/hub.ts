import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { ServerFrame } from '../../shared/schemas/space.js';
import type { Hearth } from '../http/hearth.js';
import { isUuid } from '../lib/ids.js';
import { responsiblesOf } from '../policy/alert-responsibles.js';
import type { Principal } from '../policy/policy.js';
import { findSpaceViewer, hiddenAuthors, type SpaceViewer } from '../modules/space/access.js';
import { forViewer } from '../modules/space/presenters.js';
import { lastSeqOf, loadStreamPost, streamAfter } from '../modules/space/repository.js';
import { ALERTS_CHANNEL, groupChannel, userChannel, type RealtimeEvent, type SpacePostEvent, type StreamPost } from './events.js';
import { OrderedStream } from './ordered-stream.js';
import { SharedTokenBuckets } from './shared-rate-limit.js';
import { UnreadWatch } from './unread-watch.js';

const REPLAY_PAGE = 500;
const GAP_WAIT_MS = 300;

/** One open socket and what it listens to. */
export interface Connection {
  socket: WebSocket;
  principal: Principal;
  subs: Map<string, Subscription>;
}

interface Subscription {
  viewer: SpaceViewer;
  /** Highest stream position this socket has been given (or skipped as not theirs). */
  lastSeq: number;
  /** Live events that arrive while the replay runs; null once live. */
  buffer: StreamPost[] | null;
  hidden: Set<string>;
}

interface GroupState {
  conns: Set<Connection>;
  unsubscribe: () => void;
  stream: OrderedStream<StreamEvent>;
  ready: Promise<void>;
  gapTimer: NodeJS.Timeout | null;
}

interface StreamEvent {
  seq: number;
  postId: string;
  post: StreamPost;
}

/**
 * The instance's sockets and their subscriptions. Per group: one broker subscription, events put
 * in order, each post presented per viewer from memory (held posts to their author and the
 * clinicians, muted authors hidden). A subscribing socket first joins the live fan-out (buffered),
 * then replays from the database after the position it last saw, then flushes the buffer past
 * the replay: nothing lost, nothing twice.
 */
export class SpaceHub {
  /** The per-member flood limit for posts (socket and HTTP alike), shared by every instance. */
  readonly limiter: SharedTokenBuckets;
  private readonly conns = new Set<Connection>();
  private readonly groups = new Map<string, GroupState>();
  private readonly users = new Map<string, { conns: Set<Connection>; unsubscribe: () => void }>();
  private readonly stopAlerts: () => void;
  private readonly unread: UnreadWatch;

  constructor(
    private readonly hearth: Hearth,
    private readonly log: FastifyBaseLogger,
  ) {
    this.limiter = new SharedTokenBuckets(hearth.db, 10, 1);
    this.unread = new UnreadWatch(hearth, log, (conn, frame) => this.send(conn, frame));
    this.stopAlerts = hearth.broker.subscribe(ALERTS_CHANNEL, (event) => void this.onAlert(event));
    hearth.broker.onReconnect(() => {
      for (const [groupId, state] of this.groups) this.scheduleCatchUp(groupId, state, 0);
    });
  }

  /** Sockets open on this instance (for tests and the benchmark). */
  get size(): number {
    return this.conns.size;
  }

  /** The open sockets, for the heartbeat. */
  connections(): readonly Connection[] {
    return [...this.conns];
  }

  add(conn: Connection): void {
    this.conns.add(conn);
    let user = this.users.get(conn.principal.userId);
    if (!user) {
      const userId = conn.principal.userId;
      user = { conns: new Set(), unsubscribe: this.hearth.broker.subscribe(userChannel(userId), (event) => void this.onUserEvent(userId, event)) };
      this.users.set(userId, user);
    }
    user.conns.add(conn);
    this.unread.refresh(conn).then(
      // A socket that closed while its spaces were read is forgotten again.
      () => (this.conns.has(conn) ? undefined : this.unread.forget(conn)),
      (error: unknown) => this.log.error({ err: error }, 'unread watch failed'),
    );
  }

  remove(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.unread.forget(conn);
    for (const groupId of [...conn.subs.keys()]) this.unsubscribe(conn, groupId);
    const user = this.users.get(conn.principal.userId);
    if (user) {
      user.conns.delete(conn);
      if (user.conns.size === 0) {
        user.unsubscribe();
        this.users.delete(conn.principal.userId);
      }
    }
  }

  send(conn: Connection, frame: ServerFrame): void {
    if (conn.socket.readyState !== conn.socket.OPEN) return;
    conn.socket.send(JSON.stringify(frame));
    this.hearth.metrics?.socketFrames.inc({ type: frame.type });
  }

  /** Subscribes a socket to a group's space from `afterSeq`; a group it may not enter answers not_found. */
  async subscribe(conn: Connection, groupId: string, afterSeq: number): Promise<void> {
    const viewer = isUuid(groupId) ? await findSpaceViewer(this.hearth.db, conn.principal, groupId) : null;
    if (!viewer) {
      this.send(conn, { type: 'error', code: 'not_found', groupId, message: 'This group space was not found.' });
      return;
    }
    this.unsubscribe(conn, groupId);
    const sub: Subscription = { viewer, lastSeq: afterSeq, buffer: [], hidden: await hiddenAuthors(this.hearth.db, viewer) };
    let state = this.groupState(groupId);
    await state.ready;
    // The last other listener may have left while this one waited: join the group's current state.
    while (this.groups.get(groupId) !== state) {
      state = this.groupState(groupId);
      await state.ready;
    }
    conn.subs.set(groupId, sub);
    state.conns.add(conn);
    try {
      for (;;) {
        const page = await streamAfter(this.hearth.db, groupId, sub.lastSeq, REPLAY_PAGE);
        for (const post of page) this.deliver(conn, sub, post);
        if (page.length < REPLAY_PAGE) break;
      }
    } finally {
      const buffered = sub.buffer ?? [];
      sub.buffer = null;
      for (const post of buffered) this.deliver(conn, sub, post);
    }
    this.send(conn, { type: 'subscribed', groupId, lastSeq: sub.lastSeq });
  }

  unsubscribe(conn: Connection, groupId: string): void {
    if (!conn.subs.delete(groupId)) return;
    const state = this.groups.get(groupId);
    if (!state) return;
    state.conns.delete(conn);
    if (state.conns.size === 0) {
      state.unsubscribe();
      if (state.gapTimer) clearTimeout(state.gapTimer);
      this.groups.delete(groupId);
    }
  }

  /** Closes every socket (server shutdown). */
  async close(): Promise<void> {
    this.stopAlerts();
    for (const conn of [...this.conns]) {
      conn.socket.close(1001, 'Server shutting down');
      this.remove(conn);
    }
  }

  /** Re-checks that each subscription is still allowed (heartbeat): ends those that are not. */
  async revalidate(conn: Connection): Promise<void> {
    await this.unread.refresh(conn);
    if (!this.conns.has(conn)) this.unread.forget(conn);
    for (const [groupId, sub] of conn.subs) {
      const viewer = await findSpaceViewer(this.hearth.db, conn.principal, groupId);
      if (!viewer || viewer.role !== sub.viewer.role) this.revoke(conn, groupId, 'membership_ended');
    }
  }

  private revoke(conn: Connection, groupId: string, reason: string): void {
    this.unsubscribe(conn, groupId);
    this.send(conn, { type: 'revoked', groupId, reason });
    // A socket with nothing left to listen to is closed: the member has left the group's space.
    if (conn.subs.size === 0) conn.socket.close(4403, 'Access ended');
  }

  private deliver(conn: Connection, sub: Subscription, post: StreamPost): void {
    if (post.versionSeq <= sub.lastSeq) return;
    sub.lastSeq = post.versionSeq;
    const shown = forViewer(post, sub.viewer, sub.hidden);
    if (shown) this.send(conn, { type: 'post', groupId: post.groupId, seq: post.versionSeq, post: shown });
    // An edit held again hides a post the group may have seen: clients drop their copy.
    else if (post.status === 'held' && post.editedAt !== null) this.send(conn, { type: 'retract', groupId: post.groupId, seq: post.versionSeq, postId: post.id });
  }

  private groupState(groupId: string): GroupState {
    const existing = this.groups.get(groupId);
    if (existing) return existing;
    const stream = new OrderedStream<StreamEvent>((event) => this.fanOut(state, event));
    const state: GroupState = {
      conns: new Set(),
      stream,
      gapTimer: null,
      unsubscribe: this.hearth.broker.subscribe(groupChannel(groupId), (event) => {
        if (event.type !== 'space.post') return;
        this.onGroupEvent(groupId, state, event);
      }),
      ready: lastSeqOf(this.hearth.db, groupId).then((seq) => stream.start(seq)),
    };
    this.groups.set(groupId, state);
    return state;
  }

  private onGroupEvent(groupId: string, state: GroupState, event: SpacePostEvent): void {
    if (event.post) return this.pushInOrder(groupId, state, { seq: event.seq, postId: event.postId, post: event.post });
    // A reference (a change made in another module's transaction, or too large for NOTIFY): read
    // the committed row once for every socket. Events are delivered at commit on both databases;
    // a row older than the event would mean a rolled-back change, so it is still never pushed.
    loadStreamPost(this.hearth.db, event.postId).then(
      (post) => {
        if (post && post.versionSeq >= event.seq && this.groups.get(groupId) === state) this.pushInOrder(groupId, state, { seq: event.seq, postId: event.postId, post });
      },
      (error: unknown) => this.log.error({ err: error }, 'space event load failed'),
    );
  }

  private pushInOrder(groupId: string, state: GroupState, event: StreamEvent): void {
    state.stream.push(event);
    if (state.stream.hasGap) this.scheduleCatchUp(groupId, state, GAP_WAIT_MS);
  }

  /** A gap that has not filled itself is read from the database. */
  private scheduleCatchUp(groupId: string, state: GroupState, delay: number): void {
    if (state.gapTimer) return;
    state.gapTimer = setTimeout(() => {
      state.gapTimer = null;
      const after = state.stream.lastSeq;
      if (after === null || this.groups.get(groupId) !== state) return;
      streamAfter(this.hearth.db, groupId, after, REPLAY_PAGE).then(
        (posts) => {
          state.stream.catchUp(posts.map((post) => ({ seq: post.versionSeq, postId: post.id, post })));
          if (state.stream.hasGap || posts.length === REPLAY_PAGE) this.scheduleCatchUp(groupId, state, GAP_WAIT_MS);
        },
        (error: unknown) => this.log.error({ err: error }, 'space catch-up failed'),
      );
    }, delay);
  }

  private fanOut(state: GroupState, event: StreamEvent): void {
    const post = event.post;
    for (const conn of state.conns) {
      const sub = conn.subs.get(post.groupId);
      if (!sub) continue;
      if (sub.buffer) sub.buffer.push(post);
      else this.deliver(conn, sub, post);
    }
  }

  private async onUserEvent(userId: string, event: RealtimeEvent): Promise<void> {
    const user = this.users.get(userId);
    if (!user) return;
    for (const conn of [...user.conns]) {
      if (event.type === 'access.revoked') {
        if (event.sessionId && event.sessionId !== conn.principal.sessionId) continue;
        if (event.exceptSessionId && event.exceptSessionId === conn.principal.sessionId) continue;
        if (event.groupId) {
          if (conn.subs.has(event.groupId)) this.revoke(conn, event.groupId, 'membership_ended');
        } else {
          for (const groupId of [...conn.subs.keys()]) this.send(conn, { type: 'revoked', groupId, reason: 'signed_out' });
          conn.socket.close(4401, 'Signed out');
          this.remove(conn);
        }
      } else if (event.type === 'space.mutes') {
        const sub = conn.subs.get(event.groupId);
        if (sub) sub.hidden = await hiddenAuthors(this.hearth.db, sub.viewer);
        this.send(conn, { type: 'mutes', groupId: event.groupId });
      } else if (event.type === 'notification.created') {
        this.send(conn, { type: 'notification' });
      }
    }
  }

  /** Tells the clinicians who answer for the alert (policy/alert-responsibles.ts) that the queue changed. */
  private async onAlert(event: RealtimeEvent): Promise<void> {
    if (event.type !== 'alert.raised' && event.type !== 'alert.updated') return;
    const clinicianConns = [...this.conns].filter((c) => c.principal.role === 'clinician');
    if (clinicianConns.length === 0) return;
    const concerned = new Set(await responsiblesOf(this.hearth.db, event.alertId));
    for (const conn of clinicianConns) {
      if (concerned.has(conn.principal.userId)) this.send(conn, { type: 'alert', event: event.type, alertId: event.alertId });
    }
  }
}
