import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';

/** The windows the connection map offers: the last 2, 4 or 8 weeks, or the whole group. */
export const CONNECTION_WINDOWS = ['2w', '4w', '8w', 'all'] as const;
export const connectionWindowSchema = z.enum(CONNECTION_WINDOWS, { error: 'Window: one of 2w, 4w, 8w or all.' });
export type ConnectionWindow = z.infer<typeof connectionWindowSchema>;
/** Days in each bounded window. */
export const CONNECTION_WINDOW_DAYS: Record<Exclude<ConnectionWindow, 'all'>, number> = { '2w': 14, '4w': 28, '8w': 56 };
/** How far back the map can be stepped, in weeks (ten years). */
export const CONNECTION_MAX_WEEKS_BACK = 520;

/** The acts of validation and support that make an edge, from one person to another. */
export const CONNECTION_KINDS = ['appreciation', 'helped', 'reaction', 'reply', 'feedback'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export const connectionMapQuerySchema = z.strictObject({
  window: connectionWindowSchema.default('4w'),
  /** 0 = the window ending now; 1 = ending a week ago; … (stepping week by week). */
  weeksBack: z.coerce
    .number({ error: 'Weeks back: a number.' })
    .int('Weeks back: a whole number.')
    .min(0, 'Weeks back: cannot be negative.')
    .max(CONNECTION_MAX_WEEKS_BACK, `Weeks back: at most ${CONNECTION_MAX_WEEKS_BACK}.`)
    .default(0),
});
export type ConnectionMapQuery = z.infer<typeof connectionMapQuerySchema>;

const kindCounts = z.strictObject(Object.fromEntries(CONNECTION_KINDS.map((k) => [k, z.number().int()])) as Record<ConnectionKind, z.ZodNumber>);

/** A person on the map: members under their pseudonym, facilitators under their name. */
export const connectionNodeSchema = z.strictObject({
  id: idSchema,
  label: z.string(),
  kind: z.enum(['member', 'facilitator']),
  /** Acts received and given in the window (weights summed), and the distinct people behind them. */
  received: z.number().int(),
  given: z.number().int(),
  /** Distinct members (not facilitators) who reached this person in the window. */
  peersIn: z.number().int(),
  /** Members this person has a tie with in both directions. */
  reciprocalTies: z.number().int(),
  /** A member no other member reached in the window. */
  isolate: z.boolean(),
  /** Index into `subgroups`, or null. */
  subgroup: z.number().int().nullable(),
});

/** A directed, weighted tie: every act from one person to another in the window. */
export const connectionEdgeSchema = z.strictObject({
  from: idSchema,
  to: idSchema,
  weight: z.number().int(),
  kinds: kindCounts,
  /** The other person also reached this one in the window. */
  reciprocal: z.boolean(),
});

/** The peer network's figures (members only: facilitators reach everyone by design). */
export const connectionFiguresSchema = z.strictObject({
  members: z.number().int(),
  /** Directed member-to-member ties. */
  ties: z.number().int(),
  /** Ties / possible ties, n·(n−1); null under two members. */
  density: z.number().nullable(),
  /** Share of ties returned; null without ties. */
  reciprocity: z.number().nullable(),
  /** Share of members with at least two reciprocal ties; null without members. */
  reciprocalShare: z.number().nullable(),
  /** Members no other member reached. */
  isolates: z.number().int(),
});
export type ConnectionFigures = z.infer<typeof connectionFiguresSchema>;

export const connectionMapSchema = z.strictObject({
  groupId: idSchema,
  window: connectionWindowSchema,
  weeksBack: z.number().int(),
  /** The furthest `weeksBack` that still reaches into the group's life. */
  weeksAvailable: z.number().int(),
  from: timestampSchema,
  until: timestampSchema,
  nodes: z.array(connectionNodeSchema),
  edges: z.array(connectionEdgeSchema),
  figures: connectionFiguresSchema,
  /** Sub-groups: members joined by reciprocal ties, two or more, as node ids. */
  subgroups: z.array(z.array(idSchema)),
  /** The figures for the same window ending each week of the group's life, oldest first. */
  series: z.array(connectionFiguresSchema.extend({ weeksBack: z.number().int(), until: timestampSchema })),
});
export type ConnectionMap = z.infer<typeof connectionMapSchema>;
