import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, type Session } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { buildDigest, digestCounts } from '../modules/digest/build-digest.js';
import { assessRisk } from '../modules/risk/assess-risk.js';
import { DEMO_PASSWORD, seedDemoIfEmpty } from './demo.js';

// The demo's safety net is consistent: what its charts, posts and registers show, its queue shows.
let t: TestApp;
let ada: Session;

interface QueueAlert {
  id: string;
  kind: string;
  tier: string;
  status: string;
  groupId: string | null;
  participant: { id: string; pseudonym: string | null; enrolmentId: string | null };
  sourceCount: number;
  outcome: string | null;
}
let queue: QueueAlert[];

const sourcesOf = (kind: string) =>
  t.database.db
    .selectFrom('alert_sources as s')
    .innerJoin('alerts as a', 'a.id', 's.alert_id')
    .select(['a.id', 'a.participant_id', 'a.enrolment_id', 's.source_type', 's.source_id', 's.tier'])
    .where('a.kind', '=', kind)
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedDemoIfEmpty(t.database.db, { ...t.config, nodeEnv: 'development' }, t.clock.now());
  expect(seeded).not.toBeNull();
  ada = await signIn(t, { email: 'ada.clinician@demo.hearth.local' }, DEMO_PASSWORD);
  const all = [];
  for (const status of ['active', 'resolved'] as const) {
    const response = await call(t.app, ada, 'GET', `/api/alerts?status=${status}`);
    expect(response.statusCode, response.body).toBe(200);
    all.push(...(response.json() as { alerts: QueueAlert[] }).alerts);
  }
  queue = all;
});
afterAll(async () => t?.close());

describe('the demo seed', () => {
  it('has an alert for every reliable deterioration a trajectory shows and every PHQ-9 item 9 answer of 1 or more', async () => {
    const enrolments = await t.database.db.selectFrom('enrolments').select(['id', 'participant_id', 'pseudonym']).execute();
    const deteriorations = await sourcesOf('reliable_deterioration');
    let shown = 0;
    for (const e of enrolments) {
      const response = await call(t.app, ada, 'GET', `/api/enrolments/${e.id}/measures`);
      expect(response.statusCode, response.body).toBe(200);
      for (const instrument of (response.json() as { instruments: { code: string; points: { responseId: string }[]; change: { category: string } | null }[] }).instruments) {
        if (instrument.change?.category !== 'reliable_deterioration') continue;
        shown += 1;
        // The alert points at a response of this member's trajectory of this instrument.
        const ids = new Set(instrument.points.map((p) => p.responseId));
        expect(
          deteriorations.some((d) => d.participant_id === e.participant_id && ids.has(d.source_id)),
          `${e.pseudonym} ${instrument.code}`,
        ).toBe(true);
      }
    }
    expect(shown).toBeGreaterThan(0);
    const itemAlerts = await sourcesOf('measure_item');
    const responses = await t.database.db.selectFrom('measure_responses').select(['id', 'answers']).where('instrument_code', '=', 'phq-9').execute();
    for (const r of responses) {
      const item9 = (JSON.parse(r.answers) as Record<string, number | null>)['phq9-9'] ?? 0;
      if (item9 >= 1) expect(itemAlerts.some((a) => a.source_id === r.id)).toBe(true);
    }
    // And the story: Cedar's deterioration was checked in on and resolved.
    expect(queue.filter((a) => a.kind === 'reliable_deterioration')).toEqual([
      expect.objectContaining({ status: 'resolved', outcome: 'check_in_done', participant: expect.objectContaining({ pseudonym: 'Cedar' }) }),
    ]);
  });

  it('has a risk-language alert for every participant post the detector flags, folded per situation', async () => {
    const posts = await t.database.db.selectFrom('space_posts').select(['id', 'body', 'kind']).where('author_role', '=', 'participant').execute();
    const risky = posts.filter((p) => assessRisk(p.body).tier !== 'none');
    expect(risky.length).toBeGreaterThan(1);
    const sources = await sourcesOf('risk_language');
    // Each risky post is a source with at least its own tier (read with the author's earlier
    // messages, a post may count higher than on its own; never lower).
    const rank = { none: 0, concern: 1, urgent: 2 } as const;
    for (const p of risky)
      expect(
        sources.some((s) => s.source_type === p.kind && s.source_id === p.id && rank[s.tier] >= rank[assessRisk(p.body).tier]),
        p.body,
      ).toBe(true);
    // Ember's messages of this afternoon are one open card, left open for the demo. (Other members'
    // ordinary posts the detector misreads raise their own cards: false alarms are part of the
    // demo's truth, and are resolved as "false positive" by a clinician.)
    const emberPosts = await t.database.db
      .selectFrom('space_posts')
      .innerJoin('enrolments', 'enrolments.id', 'space_posts.enrolment_id')
      .select(['space_posts.id'])
      .where('enrolments.pseudonym', '=', 'Ember')
      .execute();
    const emberRisky = risky.filter((p) => emberPosts.some((e) => e.id === p.id));
    const open = queue.filter((a) => a.kind === 'risk_language' && a.participant.pseudonym === 'Ember');
    expect(open).toEqual([expect.objectContaining({ status: 'open', sourceCount: emberRisky.length })]);
  });

  it('has a reach-out alert for every run of two missed sessions of an active member', async () => {
    const rows = await t.database.db
      .selectFrom('attendance as a')
      .innerJoin('group_sessions as s', 's.id', 'a.session_id')
      .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
      .select(['a.enrolment_id', 'a.status', 's.id as session_id', 'e.pseudonym'])
      .where('e.status', '=', 'active')
      .orderBy('s.starts_at')
      .execute();
    const runs: { enrolmentId: string; start: string; pseudonym: string }[] = [];
    const current = new Map<string, { start: string; length: number }>();
    for (const r of rows) {
      const missed = r.status === 'absent' || r.status === 'excused';
      const run = missed ? { start: current.get(r.enrolment_id)?.start ?? r.session_id, length: (current.get(r.enrolment_id)?.length ?? 0) + 1 } : undefined;
      if (run) current.set(r.enrolment_id, run);
      else current.delete(r.enrolment_id);
      if (run?.length === 2) runs.push({ enrolmentId: r.enrolment_id, start: run.start, pseudonym: r.pseudonym });
    }
    expect(runs.map((r) => r.pseudonym)).toEqual(['Cedar']);
    const reachOut = await sourcesOf('attendance_absences');
    expect(reachOut.map((a) => [a.enrolment_id, a.source_id]).sort()).toEqual(runs.map((r) => [r.enrolmentId, r.start]).sort());
  });

  it('gives facilitators a digest whose counts agree with the queue', async () => {
    const group = await t.database.db.selectFrom('therapy_groups').select('id').executeTakeFirstOrThrow();
    const next = await t.database.db
      .selectFrom('group_sessions')
      .select('id')
      .where('group_id', '=', group.id)
      .where('status', '=', 'scheduled')
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    const digest = await buildDigest(t.database.db, next.id);
    const counts = digestCounts(digest);
    const active = queue.filter((a) => a.groupId === group.id && a.status !== 'resolved');
    expect(counts.alerts).toBe(active.length);
    expect(counts.alerts).toBeGreaterThan(0);
    // Every member the digest lists at attendance risk has a reach-out alert in the queue.
    expect(counts.attendanceRisks).toBe(
      digest.attendanceRisks.filter((r) => queue.some((a) => a.kind === 'attendance_absences' && a.participant.enrolmentId === r.enrolmentId)).length,
    );
    expect(counts.attendanceRisks).toBeGreaterThan(0);
    // The navigation badge counts what the queue shows as open.
    const badge = (await call(t.app, ada, 'GET', '/api/alerts/count')).json() as { open: number };
    expect(badge.open).toBe(queue.filter((a) => a.status === 'open').length);
  });
});

describe('the demo’s isolation early warning', () => {
  it('has three weeks of daily snapshots, and Cedar drifts: reached out to by Ada, then flagged again', async () => {
    const days = await t.database.db.selectFrom('isolation_snapshots').select('day').distinct().execute();
    expect(days).toHaveLength(21);
    const body = (await call(t.app, ada, 'GET', '/api/me/isolation-flags')).json() as {
      flags: { pseudonym: string; level: string; signals: { key: string }[]; trend: unknown[] }[];
      decided: { pseudonym: string; status: string; decidedBy: string; decisionNote: string }[];
    };
    const cedar = body.flags.find((f) => f.pseudonym === 'Cedar');
    expect(cedar?.signals.map((s) => s.key)).toEqual(expect.arrayContaining(['attendance', 'mood']));
    expect(cedar?.trend.length).toBeGreaterThan(7);
    const kept = await t.database.db
      .selectFrom('isolation_flags as f')
      .innerJoin('enrolments as e', 'e.id', 'f.enrolment_id')
      .select(['f.status', 'f.decision_note'])
      .where('e.pseudonym', '=', 'Cedar')
      .orderBy('f.raised_at')
      .execute();
    expect(kept.map((f) => f.status)).toEqual(['reached_out', 'open']);
    expect(kept[0]?.decision_note).toMatch(/^Phoned Cedar/);
  });
});

describe('the demo’s connection map', () => {
  interface MapNode {
    id: string;
    label: string;
    kind: string;
    isolate: boolean;
  }
  interface MapBody {
    nodes: MapNode[];
    edges: { from: string; to: string; reciprocal: boolean }[];
    figures: { members: number; density: number | null; isolates: number };
    series: { weeksBack: number; density: number | null; ties: number }[];
  }
  const mapOf = async (window: string) => {
    const group = await t.database.db.selectFrom('therapy_groups').select('id').executeTakeFirstOrThrow();
    const response = await call(t.app, ada, 'GET', `/api/groups/${group.id}/connection-map?window=${window}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as MapBody;
    const labelOf = new Map(body.nodes.map((n) => [n.id, n.label]));
    const members = new Set(body.nodes.filter((n) => n.kind === 'member').map((n) => n.id));
    const peerTies = body.edges.filter((e) => members.has(e.from) && members.has(e.to)).map((e) => ({ ...e, from: labelOf.get(e.from), to: labelOf.get(e.to) }));
    return { ...body, peerTies };
  };

  it('knits together: in the last four weeks every member but Meadow (paused) was reached by a peer, and the group grew denser week by week', async () => {
    const map = await mapOf('4w');
    expect(map.figures.members).toBe(8);
    expect(map.nodes.filter((n) => n.isolate).map((n) => n.label)).toEqual(['Meadow']);
    const densities = map.series.map((s) => s.density ?? 0);
    for (let i = 1; i < densities.length; i += 1) expect(densities[i]).toBeGreaterThanOrEqual(densities[i - 1] ?? 0);
    expect(densities.at(-1)).toBeGreaterThan(3 * (densities.find((d) => d > 0) ?? 1));
    // Not every tie is returned yet: Cedar welcomed Pebble, who has not answered.
    expect(map.peerTies.filter((e) => !e.reciprocal).map((e) => `${e.from} → ${e.to}`)).toContain('Cedar → Pebble');
    // Harbour and Skylark have not reached each other: "your connections" suggests Skylark to Harbour.
    expect(map.peerTies.filter((e) => [e.from, e.to].sort().join() === 'Harbour,Skylark')).toEqual([]);
    // Over the whole group Meadow is no isolate: she was reached in the first weeks, before her pause.
    const whole = await mapOf('all');
    expect(whole.nodes.find((n) => n.label === 'Meadow')?.isolate).toBe(false);
  });

  it('publishes only appreciations and feedback the risk detector reads as ordinary (they skip the moderation queue)', async () => {
    const [appreciations, feedback] = await Promise.all([
      t.database.db.selectFrom('appreciations').select('body').execute(),
      t.database.db.selectFrom('feedback_items').select('body').execute(),
    ]);
    const texts = [...appreciations, ...feedback].map((r) => r.body);
    expect(texts.length).toBeGreaterThan(15);
    expect(texts.filter((text) => assessRisk(text).tier !== 'none')).toEqual([]);
  });
});
