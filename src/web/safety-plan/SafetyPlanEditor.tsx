import { ActionIcon, Alert, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { SafetyContact } from '../../shared/schemas/safety-plans';
import { ApiError } from '../api/client';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { sectionsOf, useSaveSafetyPlan, type SafetyPlan, type SafetyPlanSections } from './api';
import { isContactSection, SECTIONS, type ContactSection, type LineSection } from './sections';
import { SafetyPlanPanel } from './SafetyPlanPanel';

interface Props {
  plan: SafetyPlan | null;
  /** null: my own plan; else the participant whose plan a clinician edits. */
  participantId: string | null;
  crisisLine: string;
  /** After a successful save (e.g. back to reading). */
  onSaved?: () => void;
  onCancel?: () => void;
}

function LinesEditor({ section, values, onChange }: { section: (typeof SECTIONS)[number] & { key: LineSection }; values: string[]; onChange: (v: string[]) => void }) {
  return (
    <Stack gap="xs">
      {values.map((value, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
          <Textarea
            style={{ flex: 1 }}
            autosize
            minRows={1}
            maxRows={6}
            aria-label={`${section.title}: item ${i + 1}`}
            value={value}
            maxLength={300}
            placeholder={section.example}
            onChange={(e) => onChange(values.map((v, j) => (j === i ? e.currentTarget.value : v)))}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`Remove item ${i + 1} from “${section.title}”`}
            onClick={() => onChange(values.filter((_, j) => j !== i))}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      {values.length < 20 ? (
        <Button variant="light" size="sm" onClick={() => onChange([...values, ''])} style={{ alignSelf: 'flex-start' }}>
          {section.add}
        </Button>
      ) : null}
    </Stack>
  );
}

function ContactsEditor({
  section,
  values,
  onChange,
}: {
  section: (typeof SECTIONS)[number] & { key: ContactSection };
  values: SafetyContact[];
  onChange: (v: SafetyContact[]) => void;
}) {
  const set = (i: number, patch: Partial<SafetyContact>) => onChange(values.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <Stack gap="sm">
      {values.map((value, i) => (
        <Group key={i} gap="xs" wrap="wrap" align="flex-end">
          <TextInput
            style={{ flex: '1 1 10rem' }}
            label="Name"
            value={value.name}
            maxLength={120}
            placeholder={section.example}
            onChange={(e) => set(i, { name: e.currentTarget.value })}
          />
          <TextInput
            style={{ flex: '1 1 10rem' }}
            label="Phone or how to reach them"
            value={value.contact}
            maxLength={200}
            onChange={(e) => set(i, { contact: e.currentTarget.value })}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`Remove ${value.name || `entry ${i + 1}`} from “${section.title}”`}
            onClick={() => onChange(values.filter((_, j) => j !== i))}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      {values.length < 20 ? (
        <Button variant="light" size="sm" onClick={() => onChange([...values, { name: '', contact: '' }])} style={{ alignSelf: 'flex-start' }}>
          {section.add}
        </Button>
      ) : null}
    </Stack>
  );
}

/** Blank lines are dropped before saving, so an "Add" pressed by mistake leaves nothing behind. */
function cleaned(s: SafetyPlanSections): SafetyPlanSections {
  const lines = (v: string[]) => v.map((x) => x.trim()).filter(Boolean);
  const people = (v: SafetyContact[]) => v.map((c) => ({ name: c.name.trim(), contact: c.contact.trim() })).filter((c) => c.name);
  return {
    warningSigns: lines(s.warningSigns),
    copingSteps: lines(s.copingSteps),
    distractions: lines(s.distractions),
    helpContacts: people(s.helpContacts),
    professionals: people(s.professionals),
    safeEnvironment: lines(s.safeEnvironment),
    reasonsForLiving: lines(s.reasonsForLiving),
  };
}

/**
 * The plan as editable lists, one card per step. Saving sends the whole plan with the version it
 * was edited from; when someone else saved meanwhile (409) their version is shown next to the
 * typed one, and nothing typed is lost.
 */
export function SafetyPlanEditor({ plan, participantId, crisisLine, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<SafetyPlanSections>(() => sectionsOf(plan));
  const [base, setBase] = useState(plan?.version ?? 0);
  const [saved, setSaved] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<SafetyPlan | null>(null);
  const save = useSaveSafetyPlan(participantId);

  const submit = () => {
    setSaved(null);
    save.mutate(
      { ...cleaned(draft), baseVersion: base },
      {
        onSuccess: (p) => {
          setBase(p.version);
          setDraft(sectionsOf(p));
          setTheirs(null);
          setSaved(`Saved at ${formatDateTime(p.updatedAt)}.`);
          onSaved?.();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'stale_version') setTheirs((error.current as SafetyPlan | null) ?? null);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      {theirs ? (
        <Alert color="orange" variant="light" title="Someone else saved this plan while you were editing" role="alert">
          <Stack gap="sm">
            <Text size="sm">
              {theirs.updatedBy.name} saved it at {formatDateTime(theirs.updatedAt)}. Your changes are still below. Compare, then keep yours (it replaces theirs) or use theirs.
            </Text>
            <SafetyPlanPanel plan={theirs} crisisLine={crisisLine} headingLevel={3} title="The saved plan" />
            <Group gap="sm">
              <Button size="sm" onClick={() => setBase(theirs.version)}>
                Keep my version
              </Button>
              <Button
                size="sm"
                variant="default"
                onClick={() => {
                  setDraft(sectionsOf(theirs));
                  setBase(theirs.version);
                  setTheirs(null);
                }}
              >
                Use the saved version
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {SECTIONS.map((section, index) => (
        <Card key={section.key} withBorder padding="md" radius="md" component="section" aria-labelledby={`plan-${section.key}`}>
          <Stack gap="xs">
            <Title order={2} size="h4" id={`plan-${section.key}`}>
              {index + 1}. {section.title}
            </Title>
            <Text size="sm" c="dimmed">
              {section.hint}
            </Text>
            {isContactSection(section.key) ? (
              <ContactsEditor
                section={section as (typeof SECTIONS)[number] & { key: ContactSection }}
                values={draft[section.key]}
                onChange={(v) => setDraft({ ...draft, [section.key]: v })}
              />
            ) : (
              <LinesEditor
                section={section as (typeof SECTIONS)[number] & { key: LineSection }}
                values={draft[section.key]}
                onChange={(v) => setDraft({ ...draft, [section.key]: v })}
              />
            )}
          </Stack>
        </Card>
      ))}
      <ErrorRegion error={save.error instanceof ApiError && save.error.code === 'stale_version' ? null : save.error} title="The plan was not saved" />
      <SuccessRegion message={saved} />
      <Group gap="sm">
        <Button size="md" onClick={submit} loading={save.isPending}>
          {participantId ? 'Save the plan' : 'Save my plan'}
        </Button>
        {onCancel ? (
          <Button size="md" variant="default" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
