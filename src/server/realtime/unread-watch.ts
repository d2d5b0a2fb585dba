import type { FastifyBaseLogger } from 'fastify';
import type { ServerFrame } from '../../shared/schemas/space.js';
import type { Hearth } from '../http/hearth.js';
import { spaceViewersOf, type SpaceViewer } from '../modules/space/access.js';
import { unreadInSpace } from '../modules/space/overview.js';
import { groupChannel } from './events.js';
import type { Connection } from './hub.js';

/** Posts in a burst are counted once, this long after the last. */
const SETTLE_MS = 150;

interface Watched {
  viewer: SpaceViewer;
  timer: NodeJS.Timeout | null;
}

/**
 * The menu badge and the home card's unread counts, live: every open socket watches the spaces its
 * person may enter (the same rule as GET /api/me/spaces — active members and the group's
 * facilitators, so paused, invited and withdrawn members and other groups hear nothing) and gets
 * `{type: 'unread', groupId, unread}` with its own count when a post changes there. The count is
 * read from the database per viewer (held posts, mutes and read positions as the space counts
 * them); the frame carries no content. Refreshed on the heartbeat, when membership may have changed.
 */
export class UnreadWatch {
  private readonly byConn = new Map<Connection, Map<string, Watched>>();
  private readonly groups = new Map<string, { conns: Set<Connection>; unsubscribe: () => void }>();

  constructor(
    private readonly hearth: Hearth,
    private readonly log: FastifyBaseLogger,
    private readonly send: (conn: Connection, frame: ServerFrame) => void,
  ) {}

  /** (Re)reads which spaces the socket's person may enter and watches exactly those. */
  async refresh(conn: Connection): Promise<void> {
    const viewers = await spaceViewersOf(this.hearth.db, conn.principal);
    // The socket may have closed while the viewers were read.
    if (conn.socket.readyState !== conn.socket.OPEN) return;
    const current = this.byConn.get(conn) ?? new Map<string, Watched>();
    this.byConn.set(conn, current);
    const allowed = new Map(viewers.map((v) => [v.groupId, v]));
    for (const groupId of [...current.keys()]) if (!allowed.has(groupId)) this.unwatch(conn, groupId);
    for (const [groupId, viewer] of allowed) {
      const existing = current.get(groupId);
      if (existing) existing.viewer = viewer;
      else {
        current.set(groupId, { viewer, timer: null });
        this.groupOf(groupId).conns.add(conn);
      }
    }
  }

  /** Stops watching everything for a closed socket. */
  forget(conn: Connection): void {
    const current = this.byConn.get(conn);
    if (!current) return;
    for (const groupId of [...current.keys()]) this.unwatch(conn, groupId);
    this.byConn.delete(conn);
  }

  private groupOf(groupId: string) {
    let group = this.groups.get(groupId);
    if (!group) {
      group = {
        conns: new Set(),
        unsubscribe: this.hearth.broker.subscribe(groupChannel(groupId), (event) => {
          if (event.type === 'space.post') this.changed(groupId);
        }),
      };
      this.groups.set(groupId, group);
    }
    return group;
  }

  private unwatch(conn: Connection, groupId: string): void {
    const watched = this.byConn.get(conn)?.get(groupId);
    if (watched?.timer) clearTimeout(watched.timer);
    this.byConn.get(conn)?.delete(groupId);
    const group = this.groups.get(groupId);
    if (!group) return;
    group.conns.delete(conn);
    if (group.conns.size === 0) {
      group.unsubscribe();
      this.groups.delete(groupId);
    }
  }

  private changed(groupId: string): void {
    for (const conn of this.groups.get(groupId)?.conns ?? []) {
      const watched = this.byConn.get(conn)?.get(groupId);
      if (!watched || watched.timer) continue;
      watched.timer = setTimeout(() => {
        watched.timer = null;
        unreadInSpace(this.hearth.db, watched.viewer).then(
          (unread) => {
            if (this.byConn.get(conn)?.get(groupId) === watched) this.send(conn, { type: 'unread', groupId, unread });
          },
          (error: unknown) => this.log.error({ err: error }, 'unread count failed'),
        );
      }, SETTLE_MS);
    }
  }
}
