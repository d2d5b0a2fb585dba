import { describe, expect, it } from 'vitest';
import type { StreamPost } from '../../realtime/events.js';
import { staffLabel } from './access.js';
import { forViewer } from './presenters.js';

const base: StreamPost = {
  id: '00000000-0000-4000-8000-000000000001',
  groupId: '00000000-0000-4000-8000-0000000000aa',
  threadId: null,
  seq: 7,
  versionSeq: 7,
  authorId: 'author',
  enrolmentId: 'enrolment-author',
  authorLabel: 'Willow',
  authorRole: 'participant',
  body: 'hello',
  replyToId: null,
  status: 'published',
  statusReasons: [{ code: 'new_member', message: 'Held: new member' }],
  statusReason: 'because',
  clientId: 'c1',
  createdAt: '2026-11-26T10:00:00.000Z',
  editedAt: null,
};
const peer = { userId: 'peer', role: 'member' as const };
const staff = { userId: 'staff', role: 'staff' as const };
const author = { userId: 'author', role: 'member' as const };
const none = new Set<string>();

describe('forViewer', () => {
  it('shows held and rejected posts to their author and the clinicians only', () => {
    for (const status of ['held', 'rejected'] as const) {
      const post = { ...base, status };
      expect(forViewer(post, peer, none)).toBeNull();
      expect(forViewer(post, author, none)?.statusReasons).toHaveLength(1);
      expect(forViewer(post, staff, none)?.status).toBe(status);
    }
  });

  it('keeps reasons and the idempotency key from peers', () => {
    const shown = forViewer(base, peer, none);
    expect(shown).toMatchObject({ statusReasons: [], statusReason: null, clientId: null, mine: false });
    expect(forViewer(base, author, none)).toMatchObject({ mine: true, clientId: 'c1' });
  });

  it('hides muted or blocked authors, but never one’s own posts', () => {
    const hidden = new Set(['enrolment-author']);
    expect(forViewer(base, peer, hidden)).toBeNull();
    expect(forViewer(base, author, hidden)).not.toBeNull();
  });

  it('empties a removed post’s text for members and keeps it for clinicians', () => {
    const removed = { ...base, status: 'removed' as const };
    expect(forViewer(removed, peer, none)?.body).toBe('');
    expect(forViewer(removed, author, none)?.body).toBe('');
    expect(forViewer(removed, staff, none)?.body).toBe('hello');
  });
});

describe('staffLabel', () => {
  it('shows facilitators by role and first name', () => {
    expect(staffLabel('Dr Ada Okafor')).toBe('Facilitator Ada');
    expect(staffLabel('Dr. Ada')).toBe('Facilitator Ada');
    expect(staffLabel('Ben Adeyemi')).toBe('Facilitator Ben');
    expect(staffLabel('  ')).toBe('Facilitator');
  });
});
