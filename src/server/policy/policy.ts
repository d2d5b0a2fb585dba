import type { Role } from '../db/schema.js';
import { AppError } from '../http/errors.js';

/** What a rule can be about. Each later module adds its resources here. */
export type Resource =
  | 'account'
  | 'user'
  | 'audit'
  | 'programme'
  | 'group'
  | 'referral'
  | 'enrolment'
  | 'session'
  | 'attendance'
  | 'note'
  | 'record'
  | 'billing'
  | 'break_glass'
  | 'instrument'
  | 'measure'
  | 'alert'
  | 'report'
  | 'settings'
  | 'space'
  | 'space_moderation'
  | 'goal'
  | 'group_share'
  | 'skill_practice'
  | 'journal'
  | 'strategy'
  | 'library'
  | 'appreciation'
  | 'feedback'
  | 'this_week'
  | 'member_activity'
  | 'isolation'
  | 'moderation'
  | 'watched_phrase'
  | 'safety_plan'
  | 'contact'
  | 'digest'
  | 'mail'
  | 'rota'
  | 'duty_contact'
  | 'mobile'
  | 'your_connections'
  | 'bulk_export';
export type Action = 'read' | 'create' | 'update' | 'export';
/**
 * How far a rule reaches: `self` = the caller's own records, `own_groups` = groups the caller
 * facilitates or is enrolled in (and, for clinicians, people they referred), `service` =
 * everything in the service, `break_glass` = only groups the caller opened with an audited,
 * reasoned, time-limited emergency grant, `led_programmes` = programmes of which the caller leads
 * a group that is forming or active (a lead clinician edits the programme their group runs).
 */
export type Scope = 'self' | 'own_groups' | 'service' | 'break_glass' | 'led_programmes';

export interface Rule {
  actions: readonly Action[];
  scope: Scope;
  /** Actions that reach less far than the rule's scope, with the scope they have instead. */
  actionScopes?: Partial<Record<Action, Scope>>;
  /** Fields removed from every response of this resource for this role. */
  hiddenFields?: readonly string[];
  /** Fields this role may read but not write: a write that names one is refused with 403. */
  readOnlyFields?: readonly string[];
}

/**
 * Hearth's access rules as data. Deny by default: a role has only what is listed here.
 * Admins manage accounts and read the audit log; clinicians reach the groups they facilitate;
 * participants reach their own account and their own groups, where they see pseudonyms only.
 */
export const policy: Readonly<Record<Role, Partial<Record<Resource, Rule>>>> = {
  admin: {
    account: { actions: ['read', 'update'], scope: 'self' },
    user: { actions: ['read', 'create', 'update'], scope: 'service' },
    audit: { actions: ['read', 'export'], scope: 'service' },
    programme: { actions: ['read', 'create', 'update'], scope: 'service' },
    group: { actions: ['read', 'create', 'update'], scope: 'service' },
    session: { actions: ['read'], scope: 'service' },
    billing: { actions: ['export'], scope: 'service' },
    note: { actions: ['read'], scope: 'break_glass' },
    break_glass: { actions: ['create'], scope: 'service' },
    instrument: { actions: ['read', 'create', 'export'], scope: 'service' },
    report: { actions: ['read', 'export'], scope: 'service' },
    settings: { actions: ['read', 'update'], scope: 'service' },
    // Outgoing e-mail and text messages as the outboxes hold them (no clinical text in either).
    mail: { actions: ['read'], scope: 'service' },
    // The duty rota: who is on duty when, and the uncovered periods.
    rota: { actions: ['read', 'create', 'update'], scope: 'service' },
    // The service's watched phrases (block / hold / flag / redact); not the items they catch.
    watched_phrase: { actions: ['read', 'create', 'update'], scope: 'service' },
    // FHIR Bulk Data $export of the whole service for its other systems: an admin starts a job,
    // follows and cancels it, and downloads its files — their own jobs only (another admin's: 404).
    bulk_export: { actions: ['read', 'create', 'update', 'export'], scope: 'self' },
  },
  clinician: {
    account: { actions: ['read', 'update'], scope: 'self' },
    // Every programme is read service-wide; a lead clinician edits the programmes their groups run.
    programme: { actions: ['read', 'update'], scope: 'service', actionScopes: { update: 'led_programmes' } },
    group: { actions: ['read', 'create', 'update'], scope: 'own_groups' },
    referral: { actions: ['read', 'create', 'update'], scope: 'own_groups' },
    enrolment: { actions: ['read', 'update'], scope: 'own_groups' },
    session: { actions: ['read', 'update'], scope: 'own_groups' },
    attendance: { actions: ['read', 'update', 'export'], scope: 'own_groups' },
    note: { actions: ['read', 'create', 'update'], scope: 'own_groups' },
    // The records of the people in their groups; exported as FHIR for the service's other systems.
    // Updated where a record holds what they enter for it: the claim details (diagnosis code, date
    // of birth, record number).
    record: { actions: ['read', 'update', 'export'], scope: 'own_groups' },
    billing: { actions: ['export'], scope: 'own_groups' },
    instrument: { actions: ['read', 'export'], scope: 'service' },
    measure: { actions: ['read', 'update'], scope: 'own_groups' },
    alert: { actions: ['read', 'update'], scope: 'own_groups' },
    digest: { actions: ['read'], scope: 'own_groups' },
    // Held items of every kind in their groups: the queue, approve / reject, the moderation log.
    moderation: { actions: ['read', 'update'], scope: 'own_groups' },
    watched_phrase: { actions: ['read'], scope: 'service' },
    // Safety plans of the people in their groups and of people they referred, made with them.
    safety_plan: { actions: ['read', 'update'], scope: 'own_groups' },
    // How to reach the people in their groups and the people they referred. Whether the emergency
    // contact may be called is the member's own decision.
    contact: { actions: ['read', 'update'], scope: 'own_groups', readOnlyFields: ['emergencyConsent'] },
    // The group space of the groups they facilitate: read, post, and moderate (remove, reports, tags).
    space: { actions: ['read', 'create', 'update'], scope: 'own_groups' },
    space_moderation: { actions: ['read', 'update'], scope: 'own_groups' },
    report: { actions: ['read', 'export'], scope: 'own_groups' },
    // What members shared with their group. A member's goals and journal entries shared with their
    // clinicians are read through the member's record ('record'), checked item by item.
    group_share: { actions: ['read'], scope: 'own_groups' },
    // The peer exchange: facilitators read what their groups share (held items too), curate the
    // library, and see each member's shared activity (never private items).
    strategy: { actions: ['read'], scope: 'own_groups' },
    library: { actions: ['read', 'create', 'update'], scope: 'own_groups' },
    appreciation: { actions: ['read'], scope: 'own_groups' },
    feedback: { actions: ['read'], scope: 'own_groups' },
    member_activity: { actions: ['read'], scope: 'own_groups' },
    // The isolation early warning of the groups they facilitate: its flags with why, and recording
    // "reached out" / "dismissed". Never the member, peers or admins (who set its thresholds).
    isolation: { actions: ['read', 'update'], scope: 'own_groups' },
    // Clinicians read the duty rota (who is on duty, who covers next); only admins edit it.
    rota: { actions: ['read'], scope: 'service' },
    // How alerts reach them: their devices' Web Push subscriptions and their mobile number.
    duty_contact: { actions: ['read', 'create', 'update'], scope: 'self' },
    // Their own mobile number, where text messages go (alerts, for staff).
    mobile: { actions: ['update'], scope: 'self' },
  },
  participant: {
    account: { actions: ['read', 'update'], scope: 'self' },
    // Their group's space while an active member (checked again per group: see modules/space/access.ts).
    space: { actions: ['read', 'create', 'update'], scope: 'own_groups' },
    group: {
      actions: ['read'],
      scope: 'own_groups',
      hiddenFields: [
        'members.userId',
        'members.displayName',
        'members.email',
        'facilitators.email',
        'waitlist',
        'attendanceAlerts',
        'attendanceRates',
        'billingCode',
        'placeOfService',
        'capacity',
        'minSize',
      ],
    },
    enrolment: { actions: ['read', 'update'], scope: 'self' },
    session: { actions: ['read'], scope: 'own_groups' },
    // What happened to their own posts (status, outcome, reason) and the preview before sending.
    moderation: { actions: ['read'], scope: 'own_groups' },
    // Their own safety plan, which they edit (with their clinician).
    safety_plan: { actions: ['read', 'update'], scope: 'self' },
    // Their own contact details and emergency contact. GP details are kept by their clinicians; the
    // clinicians' note on contact risks (e.g. "no voicemail on the home number") is staff-only.
    contact: {
      actions: ['read', 'update'],
      scope: 'self',
      hiddenFields: ['contactRiskNote'],
      readOnlyFields: ['gpPractice', 'gpName', 'gpPhone', 'gpAddress', 'contactRiskNote'],
    },
    measure: { actions: ['read', 'create'], scope: 'self' },
    // Participants answer questionnaires, so they read definitions (items and options, no data).
    instrument: { actions: ['read'], scope: 'service' },
    // Their own goals, practice log and journal; what members shared with their group, and reacting to it.
    goal: { actions: ['read', 'create', 'update'], scope: 'self' },
    skill_practice: { actions: ['read', 'create', 'update'], scope: 'self' },
    journal: { actions: ['read', 'create', 'update'], scope: 'self' },
    group_share: { actions: ['read', 'create'], scope: 'own_groups' },
    // The peer exchange: strategies and marks, the programme library, appreciations, feedback, the home.
    strategy: { actions: ['read', 'create', 'update'], scope: 'own_groups' },
    library: { actions: ['read'], scope: 'own_groups' },
    appreciation: { actions: ['read', 'create', 'update'], scope: 'own_groups' },
    feedback: { actions: ['read', 'create'], scope: 'own_groups' },
    this_week: { actions: ['read'], scope: 'self' },
    // Their own mobile number, where text-message reminders go (read with their notification
    // preferences); never another person's, and never staff's alert channels (duty_contact).
    mobile: { actions: ['update'], scope: 'self' },
    // "Your connections" on their home: the peers they are connected with, and whether the card shows.
    // Staff have no rule: facilitators see connection through the group's connection map instead.
    your_connections: { actions: ['read', 'update'], scope: 'self' },
  },
};

/** The caller as access rules see them. */
export interface Principal {
  userId: string;
  role: Role;
  sessionId: string;
}

/** The rule that lets `role` do `action` on `resource`, if any. */
export function ruleFor(role: Role, resource: Resource, action: Action): Rule | undefined {
  const rule = policy[role][resource];
  if (!rule || !rule.actions.includes(action)) return undefined;
  const scope = rule.actionScopes?.[action];
  return scope ? { ...rule, scope } : rule;
}

/** Explicit check: returns the governing rule or throws `forbidden`. */
export function assertCan(principal: Principal, resource: Resource, action: Action): Rule {
  const rule = ruleFor(principal.role, resource, action);
  if (!rule) throw new AppError('forbidden', 'Your role does not allow this.');
  return rule;
}

/** Explicit check on a write: throws `forbidden`, naming them, when it sets fields the rule keeps read-only. */
export function assertWritable(rule: Rule, fields: readonly string[], labels: Readonly<Record<string, string>> = {}): void {
  const refused = fields.filter((f) => rule.readOnlyFields?.includes(f));
  if (refused.length) {
    throw new AppError(
      'forbidden',
      `You cannot change ${refused.map((f) => labels[f] ?? f).join(', ')}.`,
      refused.map((f) => ({ path: `body.${f}`, message: 'Read-only for your role.' })),
    );
  }
}

/**
 * Removes the fields a rule hides. Paths are dotted; a path through an array applies to each
 * element (`members.email` hides `email` in every member).
 */
export function hideFields<T>(rule: Rule, value: T): T {
  if (!rule.hiddenFields?.length) return value;
  const copy = structuredClone(value) as unknown;
  for (const field of rule.hiddenFields) removePath(copy, field.split('.'));
  return copy as T;
}

function removePath(target: unknown, parts: string[]): void {
  if (Array.isArray(target)) {
    for (const item of target) removePath(item, parts);
    return;
  }
  if (!target || typeof target !== 'object') return;
  const [head, ...rest] = parts;
  // Stryker disable next-line ConditionalExpression: equivalent, `parts` comes from String#split and is never empty.
  if (head === undefined) return;
  const record = target as Record<string, unknown>;
  if (rest.length === 0) delete record[head];
  else removePath(record[head], rest);
}
