import { Badge, Button, Card, Checkbox, Group, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { usePreviewedSend } from '../space/usePreviewedSend';
import { useMyGroups } from '../groups/api';
import { ErrorRegion, QueryView, SuccessRegion, usePageTitle } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { usePractices, useLogPractice, useSharePractice, type Practice, type PracticeList } from './api';
import { useMe } from '../auth/session';

const HOW_IT_WENT = ['', 'It was hard', 'A bit', 'Okay', 'Quite well', 'Really well'];

function LogForm({ skills, groupId }: { skills: PracticeList['skills']; groupId: string | null }) {
  const log = useLogPractice();
  const preview = usePreviewedSend(groupId ?? '', 'skill_practice');
  const [skill, setSkill] = useState<string | null>(null);
  const [situation, setSituation] = useState('');
  const [tried, setTried] = useState('');
  const [rating, setRating] = useState(0);
  const [share, setShare] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    if (!skill || !situation.trim() || !tried.trim() || rating < 1) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const save = () =>
      log.mutate(
        { skill, situation: situation.trim(), tried: tried.trim(), rating, shareWithGroup: share },
        {
          onSuccess: (entry) => {
            setSituation('');
            setTried('');
            setRating(0);
            setShare(false);
            setSaved(entry.moderationStatus === 'held' ? 'Saved. A facilitator will read it before your group sees it.' : 'Saved to your practice log.');
          },
        },
      );
    // Shared entries are checked like any text the group reads; private ones are the member's alone.
    if (share && groupId) void preview.check({ situation: situation.trim(), tried: tried.trim() }, save);
    else save();
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate aria-labelledby="log-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="log-heading">
          Log a practice
        </Title>
        <Select
          label="Skill"
          placeholder="Choose a skill"
          data={skills.map((s) => ({ value: s.skill, label: s.skill }))}
          value={skill}
          onChange={setSkill}
          error={missing && !skill ? 'Choose the skill you practised.' : undefined}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label="The situation"
          description="Where were you, who was there?"
          value={situation}
          onChange={(e) => setSituation(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          error={missing && !situation.trim() ? 'Describe the situation.' : undefined}
        />
        <Textarea
          label="What I tried"
          value={tried}
          onChange={(e) => setTried(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          error={missing && !tried.trim() ? 'Say what you tried.' : undefined}
        />
        <Radio.Group
          label="How it went"
          value={rating ? String(rating) : ''}
          onChange={(v) => setRating(Number(v))}
          error={missing && rating < 1 ? 'Choose from 1 to 5.' : undefined}
        >
          <Group gap="sm" mt="xs">
            {[1, 2, 3, 4, 5].map((n) => (
              <Radio key={n} value={String(n)} label={`${n} · ${HOW_IT_WENT[n]}`} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox
          label="Share it with my group"
          description="Members see it under your group name and can cheer you on."
          checked={share}
          onChange={(e) => setShare(e.currentTarget.checked)}
        />
        <ErrorRegion error={preview.problem} title="Please change this before sharing" />
        {preview.notice}
        <ErrorRegion error={log.error} />
        <SuccessRegion message={saved} />
        <Button type="submit" loading={log.isPending || preview.checking} style={{ alignSelf: 'flex-start' }}>
          Save
        </Button>
      </Stack>
    </Card>
  );
}

function Entry({ entry, groupId }: { entry: Practice; groupId: string | null }) {
  const share = useSharePractice();
  const preview = usePreviewedSend(groupId ?? '', 'skill_practice');
  const toggle = () =>
    entry.sharedWith || !groupId
      ? share.mutate({ id: entry.id, share: !entry.sharedWith })
      : void preview.check({ situation: entry.situation, tried: entry.tried }, () => share.mutate({ id: entry.id, share: true }));
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`practice-${entry.id}`}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Title order={3} size="h5" id={`practice-${entry.id}`} style={{ overflowWrap: 'anywhere', flex: 1 }}>
            {entry.skill}
          </Title>
          <Badge variant="light" color={entry.sharedWith ? 'blue' : 'gray'}>
            {entry.sharedWith ? (entry.moderationStatus === 'held' ? 'Waiting for a facilitator' : 'Shared with group') : 'Only me'}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {formatDate(entry.createdAt)} · how it went: {entry.rating} of 5
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <strong>Situation:</strong> {entry.situation}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <strong>What I tried:</strong> {entry.tried}
        </Text>
        <Group>
          <Button size="xs" variant="subtle" loading={share.isPending || preview.checking} onClick={toggle}>
            {entry.sharedWith ? 'Stop sharing' : 'Share with my group'}
          </Button>
        </Group>
        <ErrorRegion error={preview.problem} title="Please change this before sharing" />
        {preview.notice}
        <ErrorRegion error={share.error} />
      </Stack>
    </Card>
  );
}

/** The skills practice log: the curriculum's skills, what I tried and how it went, shared if I choose. */
export function SkillsPage() {
  usePageTitle('Skills practice', useMe().service.name);
  const practices = usePractices();
  const groups = useMyGroups();
  const groupId = groups.data?.groups[0]?.id ?? null;
  return (
    <Stack gap="md" maw={720}>
      <div>
        <Title order={1}>Skills practice</Title>
        <Text c="dimmed" size="sm">
          Trying a skill from the group between sessions. Every try counts.
        </Text>
      </div>
      <QueryView query={practices}>
        {(data) => (
          <Stack gap="md">
            {data.skills.length > 0 ? <LogForm skills={data.skills} groupId={groupId} /> : <Text>Skills appear here once you are in a group.</Text>}
            <Title order={2} size="h4">
              Your log
            </Title>
            {data.entries.length === 0 ? <Text size="sm">Nothing logged yet.</Text> : data.entries.map((e) => <Entry key={e.id} entry={e} groupId={groupId} />)}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
