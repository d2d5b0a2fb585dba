import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import { hideFields, policy, ruleFor, type Action, type Resource, type Scope } from './policy.js';

/**
 * What each role may do, written down from the documentation rather than read from policy.ts:
 * DESIGN.md "Who uses it" (admins run the service but read clinical notes only by break-glass;
 * clinicians reach the groups they facilitate and the people they referred; participants their own
 * record and what their group shares, never another participant's private data), ARCHITECTURE.md's
 * module map and the rule comments. One line per (role, resource): the actions in the order
 * read / create / update / export as letters `r c u x`, and the scope (per letter where an action
 * reaches less far than the others: `{ r: 'service', u: 'led_programmes' }`). Anything not listed is
 * denied (deny by default), so a rule added, widened, narrowed or removed in policy.ts fails here.
 */
type Row = readonly [resource: Resource, actions: string, scope: Scope | Readonly<Record<string, Scope>>, why: string];

const expected: Record<Role, readonly Row[]> = {
  admin: [
    ['account', 'ru', 'self', 'everyone manages their own account'],
    ['user', 'rcu', 'service', 'admins manage staff and participant accounts'],
    ['audit', 'rx', 'service', 'the audit log is read and exported, never written by hand'],
    ['programme', 'rcu', 'service', 'admins run programmes'],
    ['group', 'rcu', 'service', 'admins set up groups service-wide'],
    ['session', 'r', 'service', 'admins see the schedule'],
    ['billing', 'x', 'service', 'billing exports for the service'],
    ['note', 'r', 'break_glass', 'clinical notes only by an audited break-glass grant'],
    ['break_glass', 'c', 'service', 'admins open break-glass grants'],
    ['instrument', 'rcx', 'service', 'admins keep the instrument library'],
    ['report', 'rx', 'service', 'service-wide figures'],
    ['settings', 'ru', 'service', 'service settings'],
    ['mail', 'r', 'service', 'the outboxes, which hold no clinical text'],
    ['rota', 'rcu', 'service', 'admins edit the duty rota'],
    ['watched_phrase', 'rcu', 'service', 'the service’s watched phrases'],
    ['bulk_export', 'rcux', 'self', 'the service-wide FHIR $export for its other systems: their own jobs and files'],
  ],
  clinician: [
    ['account', 'ru', 'self', 'everyone manages their own account'],
    ['programme', 'ru', { r: 'service', u: 'led_programmes' }, 'clinicians read every programme and edit those of the groups they lead; admins create them'],
    ['group', 'rcu', 'own_groups', 'the groups they facilitate'],
    ['referral', 'rcu', 'own_groups', 'their own referrals'],
    ['enrolment', 'ru', 'own_groups', 'enrolments in their groups'],
    ['session', 'ru', 'own_groups', 'sessions of their groups'],
    ['attendance', 'rux', 'own_groups', 'attendance of their groups'],
    ['note', 'rcu', 'own_groups', 'group notes of their groups'],
    ['record', 'rux', 'own_groups', 'the records of the people in their groups, exported as FHIR; their claim details entered there'],
    ['billing', 'x', 'own_groups', 'billing for their own groups'],
    ['instrument', 'rx', 'service', 'instrument definitions, read-only'],
    ['measure', 'ru', 'own_groups', 'measures of the people in their groups'],
    ['alert', 'ru', 'own_groups', 'alerts they answer for'],
    ['digest', 'r', 'own_groups', 'their digest'],
    ['moderation', 'ru', 'own_groups', 'held items of their groups'],
    ['watched_phrase', 'r', 'service', 'clinicians read the watched phrases, admins edit them'],
    ['safety_plan', 'ru', 'own_groups', 'safety plans made with the people in their groups'],
    ['contact', 'ru', 'own_groups', 'how to reach the people in their groups'],
    ['space', 'rcu', 'own_groups', 'the group space of their groups'],
    ['space_moderation', 'ru', 'own_groups', 'moderating their groups’ spaces'],
    ['report', 'rx', 'own_groups', 'figures for their own groups'],
    ['group_share', 'r', 'own_groups', 'what members shared with the group'],
    ['strategy', 'r', 'own_groups', 'strategies their groups share'],
    ['library', 'rcu', 'own_groups', 'they curate the library'],
    ['appreciation', 'r', 'own_groups', 'appreciations in their groups'],
    ['feedback', 'r', 'own_groups', 'feedback in their groups'],
    ['member_activity', 'r', 'own_groups', 'each member’s shared activity'],
    ['isolation', 'ru', 'own_groups', 'the isolation early warning of the groups they facilitate, and recording what they did'],
    ['rota', 'r', 'service', 'clinicians read the rota, only admins edit it'],
    ['duty_contact', 'rcu', 'self', 'their own devices and mobile number'],
    ['mobile', 'u', 'self', 'their own mobile number, for alert texts'],
  ],
  participant: [
    ['account', 'ru', 'self', 'everyone manages their own account'],
    ['space', 'rcu', 'own_groups', 'their group’s space'],
    ['group', 'r', 'own_groups', 'their own groups, under pseudonyms'],
    ['enrolment', 'ru', 'self', 'their own enrolment (accepting an offer)'],
    ['session', 'r', 'own_groups', 'their groups’ sessions'],
    ['moderation', 'r', 'own_groups', 'what happened to their own posts'],
    ['safety_plan', 'ru', 'self', 'their own safety plan'],
    ['contact', 'ru', 'self', 'their own contact details'],
    ['measure', 'rc', 'self', 'their own questionnaires'],
    ['instrument', 'r', 'service', 'questionnaire definitions, no data'],
    ['goal', 'rcu', 'self', 'their own goals'],
    ['skill_practice', 'rcu', 'self', 'their own practice log'],
    ['journal', 'rcu', 'self', 'their own journal'],
    ['group_share', 'rc', 'own_groups', 'sharing with their group'],
    ['strategy', 'rcu', 'own_groups', 'strategies in their group'],
    ['library', 'r', 'own_groups', 'the programme library'],
    ['appreciation', 'rcu', 'own_groups', 'appreciations in their group'],
    ['feedback', 'rc', 'own_groups', 'feedback in their group'],
    ['this_week', 'r', 'self', 'their own home page'],
    ['mobile', 'u', 'self', 'their own mobile number, for reminder texts (issue 16); not the staff alert channels'],
    ['your_connections', 'ru', 'self', 'their own "your connections" card and whether it shows'],
  ],
};

const letters: Record<string, Action> = { r: 'read', c: 'create', u: 'update', x: 'export' };
const allActions: Action[] = ['read', 'create', 'update', 'export'];
const roles = Object.keys(expected) as Role[];
// Read inside the tests, so a broken policy fails a test rather than the file's collection.
const allResources = () => [...new Set([...roles.flatMap((r) => expected[r].map((row) => row[0])), ...roles.flatMap((r) => Object.keys(policy[r]) as Resource[])])];

describe('the access rules, role by role, as documented', () => {
  for (const role of roles) {
    describe(role, () => {
      it.each(expected[role].map((row) => [row[0], row[1], row[2], row[3]] as const))('%s: %s at %s scope (%s)', (resource, actions, scope) => {
        for (const action of allActions) {
          const letter = Object.keys(letters).find((l) => letters[l] === action) as string;
          const rule = ruleFor(role, resource, action);
          if (actions.includes(letter)) expect(rule?.scope, `${role} may ${action} ${resource}`).toBe(typeof scope === 'string' ? scope : scope[letter]);
          else expect(rule, `${role} may not ${action} ${resource}`).toBeUndefined();
        }
      });

      it('has no rule the documentation does not list (deny by default)', () => {
        const listed = new Set(expected[role].map((row) => row[0]));
        for (const resource of allResources()) {
          if (listed.has(resource)) continue;
          for (const action of allActions) expect(ruleFor(role, resource, action), `${role} ${action} ${resource}`).toBeUndefined();
        }
      });
    });
  }
});

describe('fields hidden from and read-only for participants and clinicians', () => {
  it('hides from a participant who else is in their group and the group’s staff-only figures', () => {
    const group = {
      id: 'g',
      name: 'Tuesday group',
      members: [{ enrolmentId: 'e', pseudonym: 'Willow', userId: 'u', displayName: 'Real Name', email: 'real@example.org' }],
      facilitators: [{ userId: 'c', displayName: 'Dr C', email: 'c@example.org' }],
      waitlist: [{ userId: 'w' }],
      attendanceAlerts: [1],
      attendanceRates: [1],
      billingCode: 'B1',
      placeOfService: '53',
      capacity: 12,
      minSize: 4,
    };
    expect(hideFields(ruleFor('participant', 'group', 'read')!, group)).toEqual({
      id: 'g',
      name: 'Tuesday group',
      members: [{ enrolmentId: 'e', pseudonym: 'Willow' }],
      facilitators: [{ userId: 'c', displayName: 'Dr C' }],
    });
    // Staff see the group whole.
    expect(hideFields(ruleFor('clinician', 'group', 'read')!, group)).toEqual(group);
    expect(hideFields(ruleFor('admin', 'group', 'read')!, group)).toEqual(group);
  });

  it('keeps GP details and the contact-risk note the clinicians’, and the emergency-contact consent the member’s', () => {
    const member = ruleFor('participant', 'contact', 'update')!;
    expect([...(member.readOnlyFields ?? [])].sort()).toEqual(['contactRiskNote', 'gpAddress', 'gpName', 'gpPhone', 'gpPractice']);
    expect(member.hiddenFields).toEqual(['contactRiskNote']);
    const clinician = ruleFor('clinician', 'contact', 'update')!;
    expect(clinician.readOnlyFields).toEqual(['emergencyConsent']);
    expect(clinician.hiddenFields).toBeUndefined();
  });

  it('hides nothing and makes nothing read-only in any other rule', () => {
    for (const role of roles) {
      for (const [resource, rule] of Object.entries(policy[role])) {
        if (resource === 'contact' || (role === 'participant' && resource === 'group')) continue;
        expect(rule.hiddenFields, `${role} ${resource}`).toBeUndefined();
        expect(rule.readOnlyFields, `${role} ${resource}`).toBeUndefined();
      }
    }
  });
});
