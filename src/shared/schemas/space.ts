import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

/** Longest post or chat message, in characters. */
export const MAX_POST_CHARS = 4000;
/** Largest WebSocket frame the server accepts, in bytes. */
export const MAX_SOCKET_FRAME_BYTES = 16 * 1024;

// Bidirectional overrides/isolates and invisible spaces can make a message read differently
// from what was typed; they are removed. Joiners (U+200C/U+200D) stay: emoji and scripts need them.
const DISGUISING = /[\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text others will read: well-formed, NFC, without disguising controls, trimmed and bounded. Markup is kept as typed and shown as text. */
export function spaceText(max: number) {
  return z
    .string()
    .max(max * 2, `At most ${max} characters.`)
    .refine((v) => !LONE_SURROGATE.test(v), 'Contains broken Unicode.')
    .refine((v) => !CONTROL.test(v), 'Contains control characters.')
    .transform((v) => v.normalize('NFC').replace(DISGUISING, '').trim())
    .pipe(z.string().min(1, 'Write something first.').max(max, `At most ${max} characters.`));
}

export const threadKeySchema = z.union([z.literal('chat'), idSchema]);

export const postStatusSchema = z.enum(['published', 'held', 'rejected', 'removed']);
export const reasonSchema = z.object({ code: z.string(), message: z.string() });

/** A post or chat message as one viewer may see it. */
export const spacePostSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  threadId: idSchema.nullable(),
  seq: z.number().int(),
  versionSeq: z.number().int(),
  author: z.object({
    label: z.string(),
    role: z.enum(['participant', 'clinician', 'admin']),
    /** The author's membership (for mute/block); null for staff. */
    enrolmentId: idSchema.nullable(),
  }),
  mine: z.boolean(),
  /** Empty when removed. */
  body: z.string(),
  replyToId: idSchema.nullable(),
  status: postStatusSchema,
  /** Why it is held, or why it was removed or rejected: only for its author and the group's clinicians. */
  statusReasons: z.array(reasonSchema),
  statusReason: z.string().nullable(),
  clientId: z.string().nullable(),
  createdAt: timestampSchema,
  editedAt: timestampSchema.nullable(),
});
export type SpacePost = z.infer<typeof spacePostSchema>;

export const staffedHoursSchema = z.object({
  staffedNow: z.boolean(),
  /** When a facilitator is next back, ISO, if known. */
  nextStaffedAt: timestampSchema.nullable(),
  moderationMode: z.enum(['pre', 'post']),
});

export const spaceThreadSummarySchema = z.object({
  id: idSchema.nullable().describe('null: the live chat'),
  key: threadKeySchema,
  title: z.string(),
  pinned: z.boolean(),
  createdAt: timestampSchema.nullable(),
  lastSeq: z.number().int(),
  lastActivityAt: timestampSchema.nullable(),
  unread: z.number().int(),
  postCount: z.number().int(),
});

/** The caller's group spaces with their unread counts (navigation and home page). */
export const spaceUnreadSchema = z.object({
  spaces: z.array(z.object({ groupId: idSchema, groupName: z.string(), unread: z.number().int().min(0) })),
});
export type SpaceUnread = z.infer<typeof spaceUnreadSchema>;

export const spaceOverviewSchema = z.object({
  groupId: idSchema,
  groupName: z.string(),
  me: z.object({
    role: z.enum(['member', 'staff']),
    enrolmentId: idSchema.nullable(),
    label: z.string(),
  }),
  staffing: staffedHoursSchema,
  threads: z.array(spaceThreadSummarySchema),
  muted: z.array(idSchema),
  blocked: z.array(idSchema),
  /** The latest stream position: a socket subscribing with it starts live. */
  lastSeq: z.number().int(),
});
export type SpaceOverview = z.infer<typeof spaceOverviewSchema>;

export const createThreadBodySchema = z.strictObject({
  title: spaceText(120),
  text: spaceText(MAX_POST_CHARS),
  clientId: z.string().min(1).max(64).optional(),
});

export const createPostBodySchema = z.strictObject({
  thread: threadKeySchema,
  text: spaceText(MAX_POST_CHARS),
  clientId: z.string().min(1).max(64).optional(),
  replyToId: idSchema.optional(),
});

export const editPostBodySchema = z.strictObject({ text: spaceText(MAX_POST_CHARS) });
/** Longest note on a report of a post, and on a tag or a removal reason. */
export const SPACE_REPORT_NOTE_MAX = 1000;
export const SPACE_NOTE_MAX = 500;
export const removePostBodySchema = z.strictObject({ reason: spaceText(SPACE_NOTE_MAX) });
export const reportBodySchema = z.strictObject({
  kind: z.enum(['worried', 'agreement']),
  note: spaceText(SPACE_REPORT_NOTE_MAX).optional(),
});
export const tagBodySchema = z.strictObject({ note: spaceText(SPACE_NOTE_MAX).optional() });
export const relationBodySchema = z.strictObject({ enrolmentId: idSchema, on: z.boolean() });
export const markReadBodySchema = z.strictObject({ thread: threadKeySchema, seq: z.number().int().min(0) });
export const postsQuerySchema = z.strictObject({
  thread: threadKeySchema,
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const postPageSchema = z.object({ posts: z.array(spacePostSchema), hasMore: z.boolean() });
export type PostPage = z.infer<typeof postPageSchema>;

/** POST /api/space/groups/:groupId/threads: the new thread and its first post. */
export const threadCreatedSchema = z.object({ threadId: z.uuid(), post: spacePostSchema });
export type ThreadCreated = z.infer<typeof threadCreatedSchema>;
/** POST /api/space/posts/:postId/reports. */
export const reportCreatedSchema = z.object({ id: z.uuid(), kind: z.enum(['worried', 'agreement']), createdAt: z.string() });
/** POST /api/space/posts/:postId/tag. */
export const tagCreatedSchema = z.object({ id: z.uuid(), sessionId: z.uuid().nullable(), createdAt: z.string() });
/** POST /api/space/groups/:groupId/read: the last message now read. */
export const readMarkSchema = z.object({ lastSeq: z.number().int() });
export type ReadMark = z.infer<typeof readMarkSchema>;
/** PUT /api/space/threads/:threadId/pin. */
export const pinBodySchema = z.strictObject({ pinned: z.boolean() });

export const spaceReportSchema = z.object({
  id: idSchema,
  kind: z.enum(['worried', 'agreement']),
  note: z.string().nullable(),
  createdAt: timestampSchema,
  /** Shown to the group's clinicians only; never to the reported person or peers. */
  reporterLabel: z.string(),
  post: spacePostSchema,
});
export type SpaceReport = z.infer<typeof spaceReportSchema>;
/** GET /api/space/groups/:groupId/reports. */
export const spaceReportListSchema = z.object({ reports: z.array(spaceReportSchema) });
export type SpaceReportList = z.infer<typeof spaceReportListSchema>;

export const spaceTagSchema = z.object({
  id: idSchema,
  note: z.string().nullable(),
  taggedBy: z.string(),
  sessionId: idSchema.nullable(),
  createdAt: timestampSchema,
  post: spacePostSchema,
});
/** GET /api/space/groups/:groupId/tags. */
export const spaceTagListSchema = z.object({ tags: z.array(spaceTagSchema) });

// ---- WebSocket frames ----

export const clientFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), groupId: z.string().max(64), afterSeq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('unsubscribe'), groupId: z.string().max(64) }),
  z.strictObject({
    type: z.literal('post'),
    groupId: z.string().max(64),
    thread: threadKeySchema,
    clientId: z.string().min(1).max(64),
    text: spaceText(MAX_POST_CHARS),
    replyToId: idSchema.optional(),
  }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** Stable codes of socket error frames. */
export const socketErrorCodes = [
  'malformed_json',
  'validation_failed',
  'not_found',
  'forbidden',
  'rate_limited',
  'payload_too_large',
  'contact_details_refused',
  'blocked_phrase',
  'not_subscribed',
  'internal',
] as const;
export type SocketErrorCode = (typeof socketErrorCodes)[number] | string;

export type ServerFrame =
  | { type: 'ready'; userId: string }
  | { type: 'subscribed'; groupId: string; lastSeq: number }
  | { type: 'post'; groupId: string; seq: number; post: SpacePost }
  | { type: 'ack'; clientId: string; post: SpacePost }
  /** A post this viewer may have seen is no longer theirs to see (edited, and held again for review). */
  | { type: 'retract'; groupId: string; seq: number; postId: string }
  | { type: 'error'; code: SocketErrorCode; message: string; clientId?: string; groupId?: string; details?: { path: string; message: string }[] }
  | { type: 'revoked'; groupId: string; reason: string }
  | { type: 'alert'; event: 'alert.raised' | 'alert.updated'; alertId: string }
  | { type: 'notification' }
  /** My unread count in a space changed (a post there): the menu badge and the home card, without content. */
  | { type: 'unread'; groupId: string; unread: number }
  | { type: 'mutes'; groupId: string }
  | { type: 'pong' };
