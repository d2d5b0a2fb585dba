import { describe, expect, it } from 'vitest';
import type { ClinicalAlert } from './api';
import { alertTiming, formatMinutes, sourceCountLabel } from './copy';

const raisedAt = Date.parse('2026-11-26T10:00:00Z');
function alert(overrides: Partial<ClinicalAlert> = {}): ClinicalAlert {
  return {
    id: 'a',
    kind: 'measure_item',
    tier: 'urgent',
    status: 'open',
    summary: 'PHQ-9 item 9',
    participant: { id: 'p', displayName: 'Grace Liu', pseudonym: 'Meadow', enrolmentId: 'e' },
    groupId: 'g',
    groupName: 'Tuesday evening group',
    createdAt: new Date(raisedAt).toISOString(),
    sourceCount: 1,
    lastAt: new Date(raisedAt).toISOString(),
    ackDueAt: new Date(raisedAt + 60 * 60_000).toISOString(),
    overdue: false,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    outcome: null,
    escalatedToMe: false,
    responseMinutes: null,
    ...overrides,
  };
}

describe('alert timing', () => {
  it('formats durations for a glance', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(59.6)).toBe('1 h');
    expect(formatMinutes(125)).toBe('2 h 5 min');
    expect(formatMinutes(1440 * 2 + 240)).toBe('2 days 4 h');
  });

  it('counts down to the target, then up once overdue', () => {
    expect(alertTiming(alert(), 60, raisedAt + 25 * 60_000)).toEqual({
      raised: 'Raised 25 min ago',
      target: 'Acknowledge within 1 h: 35 min left',
      overdue: false,
    });
    expect(alertTiming(alert(), 60, raisedAt + 70 * 60_000)).toEqual({
      raised: 'Raised 1 h 10 min ago',
      target: 'Overdue by 10 min (target 1 h)',
      overdue: true,
    });
  });

  it('says "just now" in the first minute', () => {
    expect(alertTiming(alert(), 60, raisedAt + 20_000).raised).toBe('Raised just now');
  });

  it('reports the response time once acknowledged', () => {
    const acked = alert({ status: 'acknowledged', responseMinutes: 75 });
    expect(alertTiming(acked, 60, raisedAt + 120 * 60_000).target).toBe('Acknowledged after 1 h 15 min (target 1 h), later than the target');
  });
});

describe('sourceCountLabel', () => {
  it('counts the messages of a folded risk alert and says nothing for a single item', () => {
    expect(sourceCountLabel(alert({ kind: 'risk_language', sourceCount: 3 }))).toBe('3 messages');
    expect(sourceCountLabel(alert({ kind: 'risk_language', sourceCount: 1 }))).toBeNull();
    expect(sourceCountLabel(alert({ kind: 'measure_item', sourceCount: 2 }))).toBe('2 items');
  });
});
