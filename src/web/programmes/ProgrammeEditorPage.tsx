import { Anchor, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorRegion, QueryView, SuccessRegion, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { NotFoundPage } from '../layout/NotFoundPage';
import { useCreateProgramme, useProgramme, useProgrammeEdits, type ProgrammeDetail } from './api';
import { CurriculumFields } from './CurriculumFields';
import { NoteTemplateCard } from './NoteTemplateCard';
import { draftsFrom, emptyPlan, hasProblems, toPlans, type PlanDraft } from './curriculum';

const AGREEMENT_MIN = 50;

function agreementProblem(text: string, required: boolean): string | undefined {
  const length = text.trim().length;
  if (length === 0) return required ? 'Write the agreement text.' : undefined;
  if (length < AGREEMENT_MIN) return `At least ${AGREEMENT_MIN} characters (now ${length}).`;
  return undefined;
}

/** Back to where the programme was opened from: the admin's list, a clinician's group, or home. */
function BackLink() {
  const location = useLocation();
  const from = (location.state as { fromGroup?: { id: string; name: string } } | null)?.fromGroup;
  if (location.pathname.startsWith('/admin/')) {
    return (
      <Anchor component={Link} to="/admin/programmes" size="sm">
        ← Programmes and groups
      </Anchor>
    );
  }
  return (
    <Anchor component={Link} to={from ? `/groups/${encodeURIComponent(from.id)}` : '/'} size="sm">
      ← {from ? from.name : 'Home'}
    </Anchor>
  );
}

/** /admin/programmes/new: name, description, the curriculum (at least one session) and, optionally, the first group agreement. */
export function NewProgrammePage() {
  const me = useMe();
  usePageTitle('New programme', me.service.name);
  const navigate = useNavigate();
  const create = useCreateProgramme();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [drafts, setDrafts] = useState<PlanDraft[]>(() => [emptyPlan()]);
  const [agreement, setAgreement] = useState('');
  const [attempted, setAttempted] = useState(false);
  const server = create.error instanceof ApiError ? create.error : null;
  const local = {
    name: name.trim() ? undefined : 'Give the programme a name.',
    description: description.trim() ? undefined : 'Describe the programme in a sentence or two.',
    agreement: agreementProblem(agreement, false),
  };
  const fieldError = (field: keyof typeof local) => server?.fieldMessage(field) ?? (attempted ? local[field] : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.values(local).some(Boolean) || hasProblems(drafts)) return;
    create.mutate(
      { name: name.trim(), description: description.trim(), sessions: toPlans(drafts), ...(agreement.trim() ? { agreement: agreement.trim() } : {}) },
      { onSuccess: (detail) => void navigate(`/admin/programmes/${detail.id}`, { state: { created: true } }) },
    );
  }

  return (
    <Stack gap="lg">
      <div>
        <BackLink />
        <Title order={1}>New programme</Title>
        <Text c="dimmed">The curriculum needs at least one session. The group agreement can be written now or later.</Text>
      </div>
      <form onSubmit={submit} noValidate aria-labelledby="new-programme-details">
        <Stack gap="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="new-programme-details">
            <Stack gap="sm">
              <Title order={2} size="h3" id="new-programme-details">
                About the programme
              </Title>
              <TextInput label="Programme name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} maxLength={200} />
              <Textarea
                label="Description"
                required
                autosize
                minRows={2}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
                error={fieldError('description')}
              />
            </Stack>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="new-programme-curriculum">
            <Stack gap="sm">
              <Title order={2} size="h3" id="new-programme-curriculum">
                Curriculum
              </Title>
              <CurriculumFields drafts={drafts} onChange={setDrafts} attempted={attempted} error={server} />
            </Stack>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="new-programme-agreement">
            <Stack gap="sm">
              <Title order={2} size="h3" id="new-programme-agreement">
                Group agreement
              </Title>
              <Textarea
                label="Agreement text"
                description={`Optional now. Members accept it before their first session; at least ${AGREEMENT_MIN} characters.`}
                autosize
                minRows={4}
                value={agreement}
                onChange={(e) => setAgreement(e.currentTarget.value)}
                error={fieldError('agreement')}
              />
            </Stack>
          </Card>
          <ErrorRegion error={server && server.details.length === 0 ? create.error : null} title="We couldn't create the programme" />
          {server && server.details.length > 0 ? (
            <Text c="red.8" size="sm" role="alert">
              Some fields need attention: see the messages above.
            </Text>
          ) : null}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create programme
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/**
 * /admin/programmes/:programmeId and /programmes/:programmeId: change the details, replace the
 * curriculum, publish a new agreement version, choose the note template — when the API says the
 * person may (`canEdit`: an admin, or the lead clinician of a forming or active group of it);
 * otherwise the programme read-only.
 */
export function EditProgrammePage() {
  const { programmeId = '' } = useParams();
  const query = useProgramme(programmeId);
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  return (
    <QueryView query={query} loadingLabel="Loading the programme…">
      {(programme) => <ProgrammeEditor key={programme.id} programme={programme} />}
    </QueryView>
  );
}

function ProgrammeEditor({ programme }: { programme: ProgrammeDetail }) {
  const me = useMe();
  usePageTitle(programme.name, me.service.name);
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  return (
    <Stack gap="lg">
      <div>
        <BackLink />
        <Title order={1}>{programme.name}</Title>
        <Text c="dimmed">
          {programme.sessionCount} {programme.sessionCount === 1 ? 'session' : 'sessions'} ·{' '}
          {programme.agreementVersion === null ? 'no group agreement yet' : `group agreement version ${programme.agreementVersion}`}
        </Text>
      </div>
      <SuccessRegion message={created ? 'Programme created.' : null} />
      {programme.canEdit ? (
        <>
          <DetailsForm programme={programme} />
          <CurriculumForm programme={programme} />
          <NoteTemplateCard programme={programme} />
          <AgreementForm programme={programme} />
        </>
      ) : (
        <>
          <ProgrammeOverview programme={programme} />
          <NoteTemplateCard programme={programme} />
        </>
      )}
    </Stack>
  );
}

/** The programme for someone who may read but not change it: its description, curriculum and current agreement. */
function ProgrammeOverview({ programme }: { programme: ProgrammeDetail }) {
  return (
    <>
      <Card withBorder padding="lg" component="section" aria-labelledby="overview-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="overview-heading">
            About the programme
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{programme.description}</Text>
          <Text size="sm" c="dimmed">
            Changes are made by an administrator or by the lead clinician of a forming or active group of this programme.
          </Text>
        </Stack>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="overview-curriculum-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="overview-curriculum-heading">
            Curriculum
          </Title>
          <Stack gap="xs" component="ol" pl="lg" m={0}>
            {programme.curriculum.map((p) => (
              <li key={p.id}>
                <Text fw={600}>{p.topic}</Text>
                <Text size="sm">Skill focus: {p.skillFocus}</Text>
              </li>
            ))}
          </Stack>
        </Stack>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="overview-agreement-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="overview-agreement-heading">
            Group agreement
          </Title>
          {programme.agreement ? (
            <>
              <Text size="sm" c="dimmed">
                Version {programme.agreement.version} · {formatDateTime(programme.agreement.createdAt)}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{programme.agreement.body}</Text>
            </>
          ) : (
            <Text>No group agreement yet.</Text>
          )}
        </Stack>
      </Card>
    </>
  );
}

function DetailsForm({ programme }: { programme: ProgrammeDetail }) {
  const { details } = useProgrammeEdits(programme.id);
  const [name, setName] = useState(programme.name);
  const [description, setDescription] = useState(programme.description);
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const server = details.error instanceof ApiError ? details.error : null;
  const local = { name: name.trim() ? undefined : 'Give the programme a name.', description: description.trim() ? undefined : 'Describe the programme.' };
  const fieldError = (field: keyof typeof local) => server?.fieldMessage(field) ?? (attempted ? local[field] : undefined);
  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSaved(null);
    if (Object.values(local).some(Boolean)) return;
    details.mutate({ name: name.trim(), description: description.trim() }, { onSuccess: () => setSaved('Details saved.') });
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="details-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="details-heading">
            About the programme
          </Title>
          <TextInput label="Programme name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} maxLength={200} />
          <Textarea
            label="Description"
            required
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError('description')}
          />
          <ErrorRegion error={server?.details.length ? null : details.error} title="We couldn't save the details" />
          <SuccessRegion message={saved} />
          <Group>
            <Button type="submit" loading={details.isPending}>
              Save details
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function CurriculumForm({ programme }: { programme: ProgrammeDetail }) {
  const { curriculum } = useProgrammeEdits(programme.id);
  const [drafts, setDrafts] = useState<PlanDraft[]>(() => (programme.curriculum.length ? draftsFrom(programme.curriculum) : [emptyPlan()]));
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const server = curriculum.error instanceof ApiError ? curriculum.error : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSaved(null);
    if (hasProblems(drafts)) return;
    curriculum.mutate(toPlans(drafts), {
      onSuccess: (detail) => {
        setDrafts(draftsFrom(detail.curriculum));
        setAttempted(false);
        setSaved(`Curriculum saved: ${detail.sessionCount} ${detail.sessionCount === 1 ? 'session' : 'sessions'}.`);
      },
    });
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="curriculum-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="curriculum-heading">
            Curriculum
          </Title>
          <Text size="sm" c="dimmed">
            Saving replaces the session plans. Sessions already scheduled keep their topic.
          </Text>
          <CurriculumFields drafts={drafts} onChange={setDrafts} attempted={attempted} error={server} />
          <ErrorRegion error={server?.details.length ? null : curriculum.error} title="We couldn't save the curriculum" />
          <SuccessRegion message={saved} />
          <Group>
            <Button type="submit" loading={curriculum.isPending}>
              Save curriculum
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function AgreementForm({ programme }: { programme: ProgrammeDetail }) {
  const { agreement } = useProgrammeEdits(programme.id);
  const current = programme.agreement;
  const [text, setText] = useState(current?.body ?? '');
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const server = agreement.error instanceof ApiError ? agreement.error : null;
  const unchanged = current !== null && text.trim() === current.body.trim();
  const local = agreementProblem(text, true) ?? (unchanged ? `This is the text of version ${current.version}; change it to publish a new version.` : undefined);
  const nextVersion = (programme.agreementVersion ?? 0) + 1;
  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setSaved(null);
    if (local) return;
    agreement.mutate(text.trim(), {
      onSuccess: (detail) => {
        setAttempted(false);
        setSaved(`Version ${detail.agreementVersion ?? nextVersion} published. Members will be asked to accept it.`);
      },
    });
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="agreement-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="agreement-heading">
          Group agreement
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Textarea
              label={current ? `Agreement text (version ${current.version} now)` : 'Agreement text'}
              description={`Publishing makes version ${nextVersion}; every member accepts it again. At least ${AGREEMENT_MIN} characters.`}
              required
              autosize
              minRows={4}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={server?.fieldMessage('body') ?? (attempted ? local : undefined)}
            />
            <ErrorRegion error={server?.details.length ? null : agreement.error} title="We couldn't publish the agreement" />
            <SuccessRegion message={saved} />
            <Group>
              <Button type="submit" loading={agreement.isPending}>
                Publish version {nextVersion}
              </Button>
            </Group>
          </Stack>
        </form>
        <Title order={3} size="h4" id="versions-heading">
          Versions
        </Title>
        {programme.agreementVersions.length === 0 ? (
          <Text size="sm">No version published yet.</Text>
        ) : (
          <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="versions-heading">
            {programme.agreementVersions.map((v) => (
              <li key={v.version}>
                <details>
                  <summary>
                    <Text span fw={600}>
                      Version {v.version}
                    </Text>
                    {v.version === programme.agreementVersion ? ' (current)' : ''} · {formatDateTime(v.createdAt)}
                    {v.createdBy ? ` · ${v.createdBy}` : ''}
                  </summary>
                  <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                    {v.body}
                  </Text>
                </details>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
