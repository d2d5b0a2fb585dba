import type { ServerFrame } from '../../shared/schemas/space';

type Listener = (frame: ServerFrame) => void;
export type ConnectionState = 'connecting' | 'open' | 'closed';

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 15_000;

/**
 * The one WebSocket of the page. Reconnects with exponential backoff (and jitter), and on every
 * (re)connection subscribes again to each group from the last position it saw, so the server
 * replays exactly what was missed.
 */
class RealtimeClient {
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  /** Group → last stream position seen; null = not subscribed yet but wanted. */
  private readonly groups = new Map<string, { lastSeq: number; users: number }>();
  private backoff = MIN_BACKOFF_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private users = 0;
  state: ConnectionState = 'closed';

  /** Keeps the socket open while at least one component uses it. */
  retain(): () => void {
    this.users += 1;
    if (!this.socket && !this.timer) this.connect();
    return () => {
      this.users -= 1;
      if (this.users === 0) this.disconnect();
    };
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Follows a group's space from `afterSeq` (the position the page loaded). */
  follow(groupId: string, afterSeq: number): () => void {
    const existing = this.groups.get(groupId);
    if (existing) {
      existing.users += 1;
      existing.lastSeq = Math.max(existing.lastSeq, afterSeq);
    } else {
      this.groups.set(groupId, { lastSeq: afterSeq, users: 1 });
      this.sendFrame({ type: 'subscribe', groupId, afterSeq });
    }
    return () => {
      const entry = this.groups.get(groupId);
      if (!entry) return;
      entry.users -= 1;
      if (entry.users === 0) {
        this.groups.delete(groupId);
        this.sendFrame({ type: 'unsubscribe', groupId });
      }
    };
  }

  /** Sends a frame if the socket is open; false otherwise (the caller falls back to HTTP). */
  sendFrame(frame: object): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private setState(state: ConnectionState) {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private connect() {
    this.setState('connecting');
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${window.location.host}/api/space/socket`);
    this.socket = socket;
    socket.onopen = () => {
      this.backoff = MIN_BACKOFF_MS;
      this.setState('open');
      for (const [groupId, entry] of this.groups) this.sendFrame({ type: 'subscribe', groupId, afterSeq: entry.lastSeq });
    };
    socket.onmessage = (message) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(message.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'post' || frame.type === 'retract') {
        const entry = this.groups.get(frame.groupId);
        if (entry) entry.lastSeq = Math.max(entry.lastSeq, frame.seq);
      }
      if (frame.type === 'revoked') this.groups.delete(frame.groupId);
      for (const listener of this.listeners) listener(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.setState('closed');
      // 4401: signed out; the app's sign-in handling takes over. 4403: access ended for good.
      if (this.users > 0 && event.code !== 4401 && event.code !== 4403) this.scheduleReconnect();
    };
  }

  private scheduleReconnect() {
    const wait = this.backoff * (0.75 + Math.random() * 0.5);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.users > 0) this.connect();
    }, wait);
  }

  private disconnect() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'Page closed');
    this.setState('closed');
  }
}

export const realtime = new RealtimeClient();
