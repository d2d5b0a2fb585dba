import { Anchor, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorRegion, QueryView, SuccessRegion, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { NotFoundPage } from '../layout/NotFoundPage';
import { SectionCard, SectionForm } from '../layout/SectionCard';
import { useFormChecks } from '../layout/useFormChecks';
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

/** The programme's name and description: a new programme and the editor's details. */
function ProgrammeDetailsFields({
  name,
  onNameChange,
  description,
  onDescriptionChange,
  fieldError,
}: {
  name: string;
  onNameChange: (name: string) => void;
  description: string;
  onDescriptionChange: (description: string) => void;
  fieldError: (field: 'name' | 'description') => string | undefined;
}) {
  return (
    <>
      <TextInput label="Programme name" required value={name} onChange={(e) => onNameChange(e.currentTarget.value)} error={fieldError('name')} maxLength={200} />
      <Textarea
        label="Description"
        required
        autosize
        minRows={2}
        value={description}
        onChange={(e) => onDescriptionChange(e.currentTarget.value)}
        error={fieldError('description')}
      />
    </>
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
  const form = useFormChecks(create.error, {
    name: name.trim() ? undefined : 'Give the programme a name.',
    description: description.trim() ? undefined : 'Describe the programme in a sentence or two.',
    agreement: agreementProblem(agreement, false),
  });
  const server = form.server;

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit(() => {
      if (hasProblems(drafts)) return;
      create.mutate(
        { name: name.trim(), description: description.trim(), sessions: toPlans(drafts), ...(agreement.trim() ? { agreement: agreement.trim() } : {}) },
        { onSuccess: (detail) => void navigate(`/admin/programmes/${detail.id}`, { state: { created: true } }) },
      );
    });
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
          <SectionCard headingId="new-programme-details" title="About the programme">
            <ProgrammeDetailsFields name={name} onNameChange={setName} description={description} onDescriptionChange={setDescription} fieldError={form.fieldError} />
          </SectionCard>
          <SectionCard headingId="new-programme-curriculum" title="Curriculum">
            <CurriculumFields drafts={drafts} onChange={setDrafts} attempted={form.attempted} error={server} />
          </SectionCard>
          <SectionCard headingId="new-programme-agreement" title="Group agreement">
            <Textarea
              label="Agreement text"
              description={`Optional now. Members accept it before their first session; at least ${AGREEMENT_MIN} characters.`}
              autosize
              minRows={4}
              value={agreement}
              onChange={(e) => setAgreement(e.currentTarget.value)}
              error={form.fieldError('agreement')}
            />
          </SectionCard>
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
      <SectionCard headingId="overview-heading" title="About the programme">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{programme.description}</Text>
        <Text size="sm" c="dimmed">
          Changes are made by an administrator or by the lead clinician of a forming or active group of this programme.
        </Text>
      </SectionCard>
      <SectionCard headingId="overview-curriculum-heading" title="Curriculum">
        <Stack gap="xs" component="ol" pl="lg" m={0}>
          {programme.curriculum.map((p) => (
            <li key={p.id}>
              <Text fw={600}>{p.topic}</Text>
              <Text size="sm">Skill focus: {p.skillFocus}</Text>
            </li>
          ))}
        </Stack>
      </SectionCard>
      <SectionCard headingId="overview-agreement-heading" title="Group agreement">
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
      </SectionCard>
    </>
  );
}

function DetailsForm({ programme }: { programme: ProgrammeDetail }) {
  const { details } = useProgrammeEdits(programme.id);
  const [name, setName] = useState(programme.name);
  const [description, setDescription] = useState(programme.description);
  const form = useFormChecks(details.error, {
    name: name.trim() ? undefined : 'Give the programme a name.',
    description: description.trim() ? undefined : 'Describe the programme.',
  });
  return (
    <SectionForm
      headingId="details-heading"
      title="About the programme"
      onSubmit={() => form.submit(() => details.mutate({ name: name.trim(), description: description.trim() }, { onSuccess: () => form.setSaved('Details saved.') }))}
      error={form.formError}
      errorTitle="We couldn't save the details"
      saved={form.saved}
      submitLabel="Save details"
      pending={details.isPending}
    >
      <ProgrammeDetailsFields name={name} onNameChange={setName} description={description} onDescriptionChange={setDescription} fieldError={form.fieldError} />
    </SectionForm>
  );
}

function CurriculumForm({ programme }: { programme: ProgrammeDetail }) {
  const { curriculum } = useProgrammeEdits(programme.id);
  const [drafts, setDrafts] = useState<PlanDraft[]>(() => (programme.curriculum.length ? draftsFrom(programme.curriculum) : [emptyPlan()]));
  const form = useFormChecks(curriculum.error);
  function submit() {
    if (hasProblems(drafts)) return;
    curriculum.mutate(toPlans(drafts), {
      onSuccess: (detail) => {
        setDrafts(draftsFrom(detail.curriculum));
        form.setAttempted(false);
        form.setSaved(`Curriculum saved: ${detail.sessionCount} ${detail.sessionCount === 1 ? 'session' : 'sessions'}.`);
      },
    });
  }
  return (
    <SectionForm
      headingId="curriculum-heading"
      title="Curriculum"
      description="Saving replaces the session plans. Sessions already scheduled keep their topic."
      onSubmit={() => form.submit(submit)}
      error={form.formError}
      errorTitle="We couldn't save the curriculum"
      saved={form.saved}
      submitLabel="Save curriculum"
      pending={curriculum.isPending}
    >
      <CurriculumFields drafts={drafts} onChange={setDrafts} attempted={form.attempted} error={form.server} />
    </SectionForm>
  );
}

function AgreementForm({ programme }: { programme: ProgrammeDetail }) {
  const { agreement } = useProgrammeEdits(programme.id);
  const current = programme.agreement;
  const [text, setText] = useState(current?.body ?? '');
  const unchanged = current !== null && text.trim() === current.body.trim();
  const form = useFormChecks(agreement.error, {
    body: agreementProblem(text, true) ?? (unchanged ? `This is the text of version ${current.version}; change it to publish a new version.` : undefined),
  });
  const nextVersion = (programme.agreementVersion ?? 0) + 1;
  function submit() {
    agreement.mutate(text.trim(), {
      onSuccess: (detail) => {
        form.setAttempted(false);
        form.setSaved(`Version ${detail.agreementVersion ?? nextVersion} published. Members will be asked to accept it.`);
      },
    });
  }
  return (
    <SectionForm
      headingId="agreement-heading"
      title="Group agreement"
      onSubmit={() => form.submit(submit)}
      error={form.formError}
      errorTitle="We couldn't publish the agreement"
      saved={form.saved}
      submitLabel={`Publish version ${nextVersion}`}
      pending={agreement.isPending}
      after={<AgreementVersions programme={programme} />}
    >
      <Textarea
        label={current ? `Agreement text (version ${current.version} now)` : 'Agreement text'}
        description={`Publishing makes version ${nextVersion}; every member accepts it again. At least ${AGREEMENT_MIN} characters.`}
        required
        autosize
        minRows={4}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={form.fieldError('body')}
      />
    </SectionForm>
  );
}

/** Every published version of the agreement, each opened to read its text. */
function AgreementVersions({ programme }: { programme: ProgrammeDetail }) {
  return (
    <>
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
    </>
  );
}
