import type { UseCaseContext } from '../../http/use-case.js';
import { escapeHtml as esc } from '../../lib/html.js';
import { requireInstrument } from '../measures/instruments.js';
import { collectMyData, type MyData } from './collect-my-data.js';
import { dl, none, page, section, table } from './summary-html.js';

/** How the page writes a moment (`at`: date and time) and a day (`on`), in the service's locale and zone. */
interface Dates {
  at: (iso: string | null | undefined) => string;
  on: (iso: string | null | undefined) => string;
}

/**
 * "Download my data" as one readable, printable HTML page (no script, no external resources;
 * every value escaped): what `collectMyData` holds, section by section, each saying plainly when
 * there is nothing. Questionnaire answers are shown with the question and the answer chosen.
 * Audited.
 */
export async function myDataSummary(ctx: UseCaseContext): Promise<string> {
  const data = await collectMyData(ctx.db, ctx.principal.userId);
  const { locale, timeZone, serviceName } = ctx.hearth.config;
  const dates = pageDates(locale, timeZone);
  const answers = await answersSection(ctx, data, dates);
  await ctx.audit({ action: 'data_rights.download.summary', resourceType: 'user', resourceId: ctx.principal.userId });
  const sections = [
    accountSection(data, dates),
    ...(data.account.role === 'participant' ? participantSections(data, dates, answers) : []),
    preferencesSection(data),
    signInsSection(data, dates),
    notIncludedSection(serviceName),
  ];
  return page(`Your data in ${serviceName}`, `Downloaded ${dates.at(ctx.now.toISOString())} for ${data.account.displayName}.`, sections.join('\n'));
}

function pageDates(locale: string, timeZone: string): Dates {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  return {
    at: (iso) => (iso ? when.format(new Date(iso)) : '—'),
    on: (iso) => (iso ? day.format(new Date(iso)) : '—'),
  };
}

/** What only a participant has: their care, their own words and what they shared, in page order. */
function participantSections(data: MyData, dates: Dates, answers: string): string[] {
  return [
    contactSection(data),
    groupsSection(data, dates),
    attendanceSection(data, dates),
    agreementsSection(data, dates),
    answers,
    goalsSection(data, dates),
    practiceSection(data, dates),
    journalSection(data, dates),
    section('Safety plan', data.safetyPlan ? safetyPlanHtml(data.safetyPlan, dates) : none('No safety plan.')),
    ...sharedInGroupSections(data, dates),
  ];
}

function accountSection({ account, identifiers }: MyData, { at }: Dates): string {
  return section(
    'Your account',
    dl([
      ['Name', account.displayName],
      ['E-mail', account.email],
      ['Role', account.role],
      ['Account status', account.status],
      ['Account created', at(account.createdAt)],
      ['Last sign-in', at(account.lastSignInAt)],
      ...(account.mobile ? [['Mobile (for alerts)', account.mobile] as [string, string]] : []),
      ...identifiers.map((i) => ['Record number', `${i.value} (${i.system})`] as [string, string]),
    ]),
  );
}

function contactSection({ contact }: MyData): string {
  if (!contact) return section('Contact details', none('No contact details are recorded.'));
  return section(
    'Contact details',
    dl([
      ['Mobile phone', contact.mobile_phone],
      ['Home phone', contact.home_phone],
      ['Preferred way to reach you', contact.preferred_method],
      ['Preferred times', contact.preferred_times],
      ['Emergency contact', [contact.emergency_name, contact.emergency_relation, contact.emergency_phone].filter(Boolean).join(', ') || null],
      ['Emergency contact may be called', contact.emergency_consent === null ? 'not said' : contact.emergency_consent ? 'yes' : 'no'],
      ['GP', [contact.gp_name, contact.gp_practice, contact.gp_phone, contact.gp_address].filter(Boolean).join(', ') || null],
    ]),
  );
}

function groupsSection({ enrolments }: MyData, { on }: Dates): string {
  return section(
    'Your groups',
    table(
      ['Group', 'Programme', 'Your name in the group', 'Status', 'Joined', 'Left'],
      enrolments.map((e) => [e.groupName, e.programmeName, e.pseudonym, e.status, on(e.joinedAt), on(e.leftAt)]),
      'You have not been in a group.',
    ),
  );
}

function attendanceSection({ attendance }: MyData, { at }: Dates): string {
  return section(
    'Attendance',
    table(
      ['Session', 'Group', 'Topic', 'Attendance'],
      attendance.map((a) => [at(a.startsAt), a.groupName, a.topic, attendanceText(a.status, a.minutes, a.sessionStatus)]),
      'No attendance is recorded.',
    ),
  );
}

function attendanceText(status: string, minutes: number | null, sessionStatus: string): string {
  if (sessionStatus === 'cancelled') return 'session cancelled';
  if (status === 'late') return `late (${minutes ?? '?'} min)`;
  if (status === 'left_early') return `left early (${minutes ?? '?'} min)`;
  return status === 'excused' ? 'excused absence' : status;
}

function agreementsSection({ consents }: MyData, { at }: Dates): string {
  return section(
    'Group agreements you accepted',
    table(
      ['Programme', 'Version', 'Accepted'],
      consents.map((c) => [c.programmeName, String(c.version), at(c.acceptedAt)]),
      'No agreement accepted yet.',
    ),
  );
}

/** Each questionnaire with its score and every question beside the answer chosen (read from its instrument version). */
async function answersSection(ctx: UseCaseContext, data: MyData, { at }: Dates): Promise<string> {
  if (!data.responseRows.length) return section('Questionnaires: your answers and scores', none('No questionnaires answered.'));
  const parts: string[] = [];
  for (const r of data.responseRows) {
    const { definition } = await requireInstrument(ctx.db, r.instrument_code, r.instrument_version);
    const given = JSON.parse(r.answers) as Record<string, number | null>;
    const rows = definition.items.map((item) => {
      const value = given[item.linkId];
      const option = item.options.find((o) => o.value === value);
      return [item.text, value === null || value === undefined ? 'not answered' : option ? `${option.label} (${value})` : String(value)];
    });
    parts.push(
      `<article><h3>${esc(r.title ?? definition.title)} — ${esc(at(r.submitted_at))}</h3><p><strong>Score: ${esc(String(r.total))}</strong>${r.band ? ` (${esc(r.band)})` : ''}</p>${table(['Question', 'Your answer'], rows, '')}</article>`,
    );
  }
  return section('Questionnaires: your answers and scores', parts.join(''));
}

function goalsSection({ goals }: MyData, { on }: Dates): string {
  if (!goals.length) return section('Goals', none('No goals.'));
  const articles = goals.map(
    (g) =>
      `<article><h3>${esc(g.area)}: ${esc(g.action)}</h3>${dl([
        ['How often', g.frequency],
        ['By', g.targetDate],
        ['Support needed', g.supportNeeded],
        ['Who sees it', g.visibility],
        ['Status', g.status],
        ['Milestones', g.milestones.map((m) => `${m.title}${m.reachedAt ? ` (reached ${on(m.reachedAt)}${m.note ? `: ${m.note}` : ''})` : ''}`).join('; ') || null],
        ['Check-ins', g.checkins.map((c) => `${on(c.at)} ${c.progress}${c.note ? `: ${c.note}` : ''}`).join('; ') || null],
      ])}</article>`,
  );
  return section('Goals', articles.join(''));
}

function practiceSection({ practices }: MyData, { at }: Dates): string {
  return section(
    'Skills practice log',
    table(
      ['When', 'Skill', 'Situation', 'What you tried', 'How it went (1–5)', 'Shared'],
      practices.map((p) => [at(p.created_at), p.skill, p.situation, p.tried, String(p.rating), p.shared_at ? 'with your group' : 'private']),
      'No practice entries.',
    ),
  );
}

function journalSection({ journal }: MyData, { at }: Dates): string {
  if (!journal.length) return section('Journal', none('No journal entries.'));
  const articles = journal.map(
    (j) =>
      `<article><h3>${esc(at(j.created_at))}</h3>${j.prompt ? `<p class="prompt">${esc(j.prompt)}</p>` : ''}<p>${esc(j.body)}</p>${j.shared_with_clinician_at ? `<p class="muted">Shared with your clinicians ${esc(at(j.shared_with_clinician_at))}.</p>` : ''}</article>`,
  );
  return section('Journal', articles.join(''));
}

function safetyPlanHtml(plan: NonNullable<MyData['safetyPlan']>, { at }: Dates): string {
  const list = (json: string) => {
    const items = JSON.parse(json) as (string | { name: string; contact: string })[];
    return items.map((i) => (typeof i === 'string' ? i : `${i.name}${i.contact ? `: ${i.contact}` : ''}`)).join('; ') || null;
  };
  return `${dl([
    ['Warning signs', list(plan.warning_signs)],
    ['Things I can do myself', list(plan.coping_steps)],
    ['People and places that distract me', list(plan.distractions)],
    ['People I can ask for help', list(plan.help_contacts)],
    ['Professionals and crisis lines', list(plan.professionals)],
    ['Making my environment safe', list(plan.safe_environment)],
    ['Reasons for living', list(plan.reasons_for_living)],
  ])}<p class="muted">Version ${plan.version}, last changed ${esc(at(plan.updated_at))}.</p>`;
}

/** What the member wrote in or shared with their groups: posts, strategies, appreciations, feedback, celebrations. */
function sharedInGroupSections(data: MyData, { at }: Dates): string[] {
  return [
    section(
      'Your posts and messages in group spaces',
      table(
        ['When', 'Group', 'Where', 'What you wrote', 'Status'],
        data.posts.map((p) => [at(p.createdAt), p.groupName, p.thread ?? 'group chat', p.body || '(removed)', p.status]),
        'No posts or messages.',
      ),
    ),
    section(
      'Coping strategies you shared',
      table(
        ['When', 'Group', 'Title', 'When it helps', 'Steps', 'Status'],
        data.strategies.map((s) => [at(s.created_at), s.group_name, s.title, s.when_helps, s.steps, s.moderation_status]),
        'No strategies shared.',
      ),
    ),
    section(
      'Appreciations you sent',
      table(
        ['When', 'Group', 'To', 'What you wrote', 'Status'],
        data.appreciations.map((a) => [at(a.created_at), a.group_name, a.to.join(', '), a.body, a.moderation_status]),
        'No appreciations sent.',
      ),
    ),
    section(
      'Feedback you asked for or gave',
      table(
        ['When', 'Group', 'Kind', 'What you wrote', 'Status'],
        data.feedback.map((f) => [at(f.created_at), f.group_name, f.parent_id ? 'reply' : 'request', f.body || '(removed)', f.moderation_status]),
        'No feedback requests or replies.',
      ),
    ),
    section(
      'Celebrations',
      table(
        ['When', 'Group', 'Milestone', 'Note', 'Status'],
        data.celebrations.map((c) => [at(c.created_at), c.group_name, c.title ?? '(milestone reached)', c.note ?? '', c.withdrawn_at ? 'withdrawn' : c.moderation_status]),
        'No celebrations.',
      ),
    ),
  ];
}

function preferencesSection({ preferences }: MyData): string {
  return section(
    'Notification choices',
    table(
      ['Kind', 'By e-mail', 'By text'],
      preferences.map((p) => [p.kind, p.email ? 'yes' : 'no', p.sms ? 'yes' : 'no']),
      'Default choices.',
    ),
  );
}

function signInsSection({ sessions }: MyData, { at }: Dates): string {
  return section(
    'Recent sign-ins (up to 50)',
    table(
      ['Signed in', 'Last seen', 'Ended', 'Device'],
      sessions.map((s) => [at(s.created_at), at(s.last_seen_at), at(s.ended_at), s.user_agent ?? '']),
      'None.',
    ),
  );
}

function notIncludedSection(serviceName: string): string {
  return section(
    'What is not in this download',
    `<p>Only what is about you and what you wrote. Other members’ words are left out, even in threads you took part in. Your clinicians’ notes, safety alerts and how they were handled, moderation records and the audit log are not included here: ask ${esc(serviceName)} for them through its subject-access process, so they can be reviewed before release.</p>`,
  );
}
