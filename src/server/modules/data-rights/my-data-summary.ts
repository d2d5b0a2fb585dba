import type { UseCaseContext } from '../../http/use-case.js';
import { requireInstrument } from '../measures/instruments.js';
import { collectMyData, type MyData } from './collect-my-data.js';

/**
 * "Download my data" as one readable, printable HTML page (no script, no external resources;
 * every value escaped): what `collectMyData` holds, section by section, each saying plainly when
 * there is nothing. Questionnaire answers are shown with the question and the answer chosen.
 * Audited.
 */
export async function myDataSummary(ctx: UseCaseContext): Promise<string> {
  const data = await collectMyData(ctx.db, ctx.principal.userId);
  const { locale, timeZone, serviceName } = ctx.hearth.config;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const at = (iso: string | null | undefined) => (iso ? when.format(new Date(iso)) : '—');
  const on = (iso: string | null | undefined) => (iso ? day.format(new Date(iso)) : '—');
  const answers = await answersSection(ctx, data, at);
  await ctx.audit({ action: 'data_rights.download.summary', resourceType: 'user', resourceId: ctx.principal.userId });
  const sections: string[] = [
    section(
      'Your account',
      dl([
        ['Name', data.account.displayName],
        ['E-mail', data.account.email],
        ['Role', data.account.role],
        ['Account status', data.account.status],
        ['Account created', at(data.account.createdAt)],
        ['Last sign-in', at(data.account.lastSignInAt)],
        ...(data.account.mobile ? [['Mobile (for alerts)', data.account.mobile] as [string, string]] : []),
        ...data.identifiers.map((i) => ['Record number', `${i.value} (${i.system})`] as [string, string]),
      ]),
    ),
  ];
  if (data.account.role === 'participant') {
    sections.push(
      section(
        'Contact details',
        data.contact
          ? dl([
              ['Mobile phone', data.contact.mobile_phone],
              ['Home phone', data.contact.home_phone],
              ['Preferred way to reach you', data.contact.preferred_method],
              ['Preferred times', data.contact.preferred_times],
              ['Emergency contact', [data.contact.emergency_name, data.contact.emergency_relation, data.contact.emergency_phone].filter(Boolean).join(', ') || null],
              ['Emergency contact may be called', data.contact.emergency_consent === null ? 'not said' : data.contact.emergency_consent ? 'yes' : 'no'],
              ['GP', [data.contact.gp_name, data.contact.gp_practice, data.contact.gp_phone, data.contact.gp_address].filter(Boolean).join(', ') || null],
            ])
          : none('No contact details are recorded.'),
      ),
      section(
        'Your groups',
        table(
          ['Group', 'Programme', 'Your name in the group', 'Status', 'Joined', 'Left'],
          data.enrolments.map((e) => [e.groupName, e.programmeName, e.pseudonym, e.status, on(e.joinedAt), on(e.leftAt)]),
          'You have not been in a group.',
        ),
      ),
      section(
        'Attendance',
        table(
          ['Session', 'Group', 'Topic', 'Attendance'],
          data.attendance.map((a) => [at(a.startsAt), a.groupName, a.topic, attendanceText(a.status, a.minutes, a.sessionStatus)]),
          'No attendance is recorded.',
        ),
      ),
      section(
        'Group agreements you accepted',
        table(
          ['Programme', 'Version', 'Accepted'],
          data.consents.map((c) => [c.programmeName, String(c.version), at(c.acceptedAt)]),
          'No agreement accepted yet.',
        ),
      ),
      answers,
      section(
        'Goals',
        data.goals.length
          ? data.goals
              .map(
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
              )
              .join('')
          : none('No goals.'),
      ),
      section(
        'Skills practice log',
        table(
          ['When', 'Skill', 'Situation', 'What you tried', 'How it went (1–5)', 'Shared'],
          data.practices.map((p) => [at(p.created_at), p.skill, p.situation, p.tried, String(p.rating), p.shared_at ? 'with your group' : 'private']),
          'No practice entries.',
        ),
      ),
      section(
        'Journal',
        data.journal.length
          ? data.journal
              .map(
                (j) =>
                  `<article><h3>${esc(at(j.created_at))}</h3>${j.prompt ? `<p class="prompt">${esc(j.prompt)}</p>` : ''}<p>${esc(j.body)}</p>${j.shared_with_clinician_at ? `<p class="muted">Shared with your clinicians ${esc(at(j.shared_with_clinician_at))}.</p>` : ''}</article>`,
              )
              .join('')
          : none('No journal entries.'),
      ),
      section('Safety plan', data.safetyPlan ? safetyPlanHtml(data.safetyPlan, at) : none('No safety plan.')),
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
    );
  }
  sections.push(
    section(
      'Notification choices',
      table(
        ['Kind', 'By e-mail', 'By text'],
        data.preferences.map((p) => [p.kind, p.email ? 'yes' : 'no', p.sms ? 'yes' : 'no']),
        'Default choices.',
      ),
    ),
    section(
      'Recent sign-ins (up to 50)',
      table(
        ['Signed in', 'Last seen', 'Ended', 'Device'],
        data.sessions.map((s) => [at(s.created_at), at(s.last_seen_at), at(s.ended_at), s.user_agent ?? '']),
        'None.',
      ),
    ),
    section(
      'What is not in this download',
      `<p>Only what is about you and what you wrote. Other members’ words are left out, even in threads you took part in. Your clinicians’ notes, safety alerts and how they were handled, moderation records and the audit log are not included here: ask ${esc(serviceName)} for them through its subject-access process, so they can be reviewed before release.</p>`,
    ),
  );
  return page(`Your data in ${serviceName}`, `Downloaded ${at(ctx.now.toISOString())} for ${data.account.displayName}.`, sections.join('\n'));
}

async function answersSection(ctx: UseCaseContext, data: MyData, at: (iso: string) => string): Promise<string> {
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

function attendanceText(status: string, minutes: number | null, sessionStatus: string): string {
  if (sessionStatus === 'cancelled') return 'session cancelled';
  if (status === 'late') return `late (${minutes ?? '?'} min)`;
  if (status === 'left_early') return `left early (${minutes ?? '?'} min)`;
  return status === 'excused' ? 'excused absence' : status;
}

function safetyPlanHtml(plan: NonNullable<MyData['safetyPlan']>, at: (iso: string) => string): string {
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

/** HTML-escapes text: everything people wrote is shown as text, never markup. */
export function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function section(title: string, body: string): string {
  return `<section><h2>${esc(title)}</h2>${body}</section>`;
}

function none(text: string): string {
  return `<p class="muted">${esc(text)}</p>`;
}

function dl(rows: readonly (readonly [string, string | null])[]): string {
  return `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v === null || v === '' ? '—' : esc(v)}</dd>`).join('')}</dl>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (!rows.length) return empty ? none(empty) : '';
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function page(title: string, subtitle: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1b1e; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; margin-bottom: 0; } h2 { border-bottom: 2px solid #1a1b1e; padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid #868e96; padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f1f3f5; } dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
.muted { color: #495057; } .prompt { font-style: italic; } p { white-space: pre-wrap; }
@media print { body { padding: 0; font-size: 11pt; } section { break-inside: auto; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p class="muted">${esc(subtitle)}</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}
