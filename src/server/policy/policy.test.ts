import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { assertCan, assertWritable, hideFields, policy, ruleFor, type Action, type Principal, type Resource, type Rule } from './policy.js';

const roles: Role[] = ['admin', 'clinician', 'participant'];
const actions: Action[] = ['read', 'create', 'update', 'export'];
// Every resource any role has a rule for: the policy grows with each module. Read inside the tests,
// so a broken policy fails a test rather than the file's collection (which a mutation run misses).
const resourcesOf = () => [...new Set(roles.flatMap((role) => Object.keys(policy[role])))] as Resource[];

describe('ruleFor', () => {
  it('grants exactly the actions a rule lists, to the role it is listed for', () => {
    let granted = 0;
    let denied = 0;
    for (const role of roles) {
      for (const resource of resourcesOf()) {
        const listed = policy[role][resource];
        for (const action of actions) {
          const rule = ruleFor(role, resource, action);
          if (listed?.actions.includes(action)) {
            // An action with a narrower scope of its own gets the rule with that scope.
            const narrower = listed.actionScopes?.[action];
            if (narrower) expect(rule, `${role} ${resource}.${action}`).toEqual({ ...listed, scope: narrower });
            else expect(rule, `${role} ${resource}.${action}`).toBe(listed);
            granted += 1;
          } else {
            expect(rule, `${role} ${resource}.${action}`).toBeUndefined();
            denied += 1;
          }
        }
      }
    }
    expect(granted).toBeGreaterThan(0);
    expect(denied).toBeGreaterThan(granted);
  });

  it('denies by default: no rule for a resource means no action on it', () => {
    for (const action of actions) {
      expect(ruleFor('clinician', 'user', action), action).toBeUndefined();
      expect(ruleFor('participant', 'user', action), action).toBeUndefined();
      expect(ruleFor('clinician', 'audit', action), action).toBeUndefined();
      expect(ruleFor('participant', 'audit', action), action).toBeUndefined();
    }
    // A rule for a resource still grants only its own actions.
    expect(ruleFor('participant', 'account', 'export')).toBeUndefined();
    expect(ruleFor('admin', 'account', 'create')).toBeUndefined();
  });

  it('keeps the audit log read-only and account management to admins', () => {
    for (const role of roles) {
      expect(ruleFor(role, 'audit', 'create'), role).toBeUndefined();
      expect(ruleFor(role, 'audit', 'update'), role).toBeUndefined();
    }
    expect(ruleFor('admin', 'user', 'create')?.scope).toBe('service');
    expect(ruleFor('admin', 'audit', 'export')?.scope).toBe('service');
  });

  it('keeps clinicians and participants to their own groups, and admins service-wide', () => {
    expect(ruleFor('admin', 'group', 'read')?.scope).toBe('service');
    expect(ruleFor('clinician', 'group', 'read')?.scope).toBe('own_groups');
    expect(ruleFor('participant', 'group', 'read')?.scope).toBe('own_groups');
    for (const role of roles) expect(ruleFor(role, 'account', 'read')?.scope, role).toBe('self');
  });

  it('hides who participants share a group with, and nothing from staff', () => {
    expect(ruleFor('participant', 'group', 'read')?.hiddenFields).toEqual(expect.arrayContaining(['members.userId', 'members.displayName', 'members.email', 'facilitators.email']));
    expect(ruleFor('clinician', 'group', 'read')?.hiddenFields).toBeUndefined();
    expect(ruleFor('admin', 'group', 'read')?.hiddenFields).toBeUndefined();
  });
});

describe('assertCan', () => {
  const principal = (role: Role): Principal => ({ userId: 'u', role, sessionId: 's' });

  it('returns the governing rule when allowed', () => {
    expect(assertCan(principal('admin'), 'audit', 'export')).toBe(policy.admin.audit);
  });

  it('throws forbidden (403) when not allowed', () => {
    const attempt = () => assertCan(principal('clinician'), 'audit', 'read');
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe('forbidden');
      expect((error as AppError).status).toBe(403);
      expect((error as AppError).message).toBe('Your role does not allow this.');
    }
  });
});

describe('hideFields', () => {
  const group = () => ({
    id: 'g1',
    name: 'Group A',
    facilitators: [{ userId: 'c1', displayName: 'Dr Clinician', role: 'lead', email: 'c1@example.org' }],
    members: [
      { enrolmentId: 'e1', pseudonym: 'Willow', userId: 'p1', displayName: 'Alice Private', email: 'alice@example.org' },
      { enrolmentId: 'e2', pseudonym: 'Cedar', userId: 'p2', displayName: 'Aaron Private', email: 'aaron@example.org' },
    ],
  });

  it('removes a field from every element of an array, keeping the rest', () => {
    const rule = ruleFor('participant', 'group', 'read') as Rule;
    const hidden = hideFields(rule, group());
    expect(hidden.members).toEqual([
      { enrolmentId: 'e1', pseudonym: 'Willow' },
      { enrolmentId: 'e2', pseudonym: 'Cedar' },
    ]);
    expect(hidden.facilitators).toEqual([{ userId: 'c1', displayName: 'Dr Clinician', role: 'lead' }]);
    expect(hidden.name).toBe('Group A');
  });

  it('reaches through arrays nested in arrays', () => {
    const rule: Rule = { actions: ['read'], scope: 'service', hiddenFields: ['sessions.attendees.note', 'sessions.room.code'] };
    const value = {
      sessions: [
        {
          n: 1,
          room: { code: 'R1', name: 'Oak' },
          attendees: [
            { id: 'a', note: 'private' },
            { id: 'b', note: 'private' },
          ],
        },
        { n: 2, room: null, attendees: [] },
      ],
    };
    expect(hideFields(rule, value)).toEqual({
      sessions: [
        { n: 1, room: { name: 'Oak' }, attendees: [{ id: 'a' }, { id: 'b' }] },
        { n: 2, room: null, attendees: [] },
      ],
    });
  });

  it('does not change the value it was given', () => {
    const original = group();
    hideFields(ruleFor('participant', 'group', 'read') as Rule, original);
    expect(original).toEqual(group());
  });

  it('returns the value as is when the rule hides nothing, and ignores missing paths', () => {
    const value = group();
    expect(hideFields(ruleFor('clinician', 'group', 'read') as Rule, value)).toBe(value);
    const rule: Rule = { actions: ['read'], scope: 'service', hiddenFields: ['nowhere.deep.field', 'name.length'] };
    expect(hideFields(rule, value)).toEqual(value);
  });
});

describe('assertWritable', () => {
  it('refuses a write naming a read-only field with 403, naming the fields in plain words', () => {
    const member = ruleFor('participant', 'contact', 'update') as Rule;
    expect(() => assertWritable(member, ['mobilePhone', 'emergencyConsent'])).not.toThrow();
    try {
      assertWritable(member, ['mobilePhone', 'gpName', 'contactRiskNote'], { gpName: 'the GP’s name' });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).status).toBe(403);
      expect((error as AppError).message).toBe('You cannot change the GP’s name, contactRiskNote.');
      expect((error as AppError).details).toEqual([
        { path: 'body.gpName', message: 'Read-only for your role.' },
        { path: 'body.contactRiskNote', message: 'Read-only for your role.' },
      ]);
    }
  });

  it('lets any field through a rule that keeps nothing read-only', () => {
    const goals = ruleFor('participant', 'goal', 'update') as Rule;
    expect(goals.readOnlyFields).toBeUndefined();
    expect(() => assertWritable(goals, ['title', 'status'])).not.toThrow();
  });

  it('keeps the emergency contact’s consent the member’s, and GP details and the risk note the clinicians’', () => {
    const clinician = ruleFor('clinician', 'contact', 'update') as Rule;
    expect(() => assertWritable(clinician, ['gpPractice', 'contactRiskNote'])).not.toThrow();
    expect(() => assertWritable(clinician, ['emergencyConsent'])).toThrow(AppError);
    expect(ruleFor('participant', 'contact', 'read')?.hiddenFields).toEqual(['contactRiskNote']);
    expect(ruleFor('admin', 'contact', 'read')).toBeUndefined();
  });
});
