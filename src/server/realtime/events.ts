/**
 * Events that cross instances. Channels: `group:<id>` (a group's space), `user:<id>` (one person:
 * access revoked, mutes changed, notifications), `alerts` (the clinician queue changed).
 */
export interface SpacePostEvent {
  type: 'space.post';
  groupId: string;
  postId: string;
  /** The stream position of this change (the post's version_seq). */
  seq: number;
  /** The stored post as every viewer may see it; left out when it would not fit a NOTIFY payload. */
  post?: StreamPost;
}

/** A post as stored, before per-viewer filtering (held posts, mutes). */
export interface StreamPost {
  id: string;
  groupId: string;
  threadId: string | null;
  seq: number;
  versionSeq: number;
  authorId: string;
  enrolmentId: string | null;
  authorLabel: string;
  authorRole: 'participant' | 'clinician' | 'admin';
  body: string;
  replyToId: string | null;
  status: 'published' | 'held' | 'rejected' | 'removed';
  statusReasons: { code: string; message: string }[];
  statusReason: string | null;
  clientId: string | null;
  createdAt: string;
  editedAt: string | null;
}

/** Close matching sockets: an enrolment withdrawn or paused, a user deactivated, a session ended. */
export interface AccessRevokedEvent {
  type: 'access.revoked';
  userId: string;
  /** Only this group's subscription (membership ended); absent = every socket of the user. */
  groupId?: string;
  /** Only sockets opened with this sign-in session. */
  sessionId?: string;
  /** Every socket of the user except those of this session (the one that changed the password). */
  exceptSessionId?: string;
}

export interface MutesChangedEvent {
  type: 'space.mutes';
  userId: string;
  groupId: string;
}

export interface AlertEvent {
  type: 'alert.raised' | 'alert.updated';
  alertId: string;
  groupId: string | null;
}

export interface NotificationEvent {
  type: 'notification.created';
  userId: string;
}

export type RealtimeEvent = SpacePostEvent | AccessRevokedEvent | MutesChangedEvent | AlertEvent | NotificationEvent;

export const groupChannel = (groupId: string) => `group:${groupId}`;
export const userChannel = (userId: string) => `user:${userId}`;
export const ALERTS_CHANNEL = 'alerts';
