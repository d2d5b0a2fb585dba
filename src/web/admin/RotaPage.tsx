import { Anchor, Badge, Button, Card, List, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { useAddShift, useDeleteShift, useRota, useRotaGaps } from '../duty/api';
import { ErrorRegion, QueryView, usePageTitle } from '../layout/feedback';
import { formatDateTime } from '../layout/format';
import { SectionForm } from '../layout/SectionCard';
import { useUsers } from './api';

/** A datetime-local value (the browser's wall clock) as an ISO instant. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : '');

function hours(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = minutes / 60;
  return h < 48 ? `${Math.round(h * 10) / 10} h` : `${Math.round(h / 24)} days`;
}

/** /admin/rota: who is on duty when, the uncovered periods ahead, and the fallback who covers them. */
export function RotaPage() {
  const me = useMe();
  usePageTitle('Duty rota', me.service.name);
  const rota = useRota();
  const gaps = useRotaGaps();
  const remove = useDeleteShift();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Duty rota</Title>
        <Text c="dimmed">
          The duty clinician gets every new alert, with the group&apos;s facilitators. One clinician is on duty at a time. Overdue alerts go to the next person on the rota, then to
          the fallback.
        </Text>
      </div>
      <QueryView query={rota} loadingLabel="Loading the rota…">
        {(data) => (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <Card withBorder padding="lg" component="section" aria-labelledby="now-heading">
                <Title order={2} size="h3" id="now-heading" mb="xs">
                  On duty now
                </Title>
                <Text fw={500}>{data.onDutyNow?.displayName ?? 'Nobody — alerts go to the fallback'}</Text>
              </Card>
              <Card withBorder padding="lg" component="section" aria-labelledby="fallback-heading">
                <Title order={2} size="h3" id="fallback-heading" mb="xs">
                  Fallback
                </Title>
                <Text fw={500}>{data.fallback?.displayName ?? 'Nobody named'}</Text>
                <Text size="sm" c="dimmed">
                  Covers gaps in the rota and is the last escalation step.{' '}
                  <Anchor component={Link} to="/admin/settings" size="sm" underline="always">
                    Change in settings
                  </Anchor>
                </Text>
              </Card>
            </SimpleGrid>
            <Card withBorder padding="lg" component="section" aria-labelledby="gaps-heading">
              <Title order={2} size="h3" id="gaps-heading" mb="xs">
                Nobody on duty in the next 14 days
              </Title>
              {gaps.error ? <ErrorRegion error={gaps.error} /> : null}
              {gaps.data && gaps.data.gaps.length === 0 ? <Text size="sm">The rota is covered for the next 14 days.</Text> : null}
              {gaps.data && gaps.data.gaps.length > 0 ? (
                <List size="sm" spacing={4}>
                  {gaps.data.gaps.map((g) => (
                    <List.Item key={g.startsAt}>
                      {formatDateTime(g.startsAt)} – {formatDateTime(g.endsAt)}{' '}
                      <Badge color="yellow" variant="light" size="sm">
                        {hours(g.minutes)}
                      </Badge>
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Card>
            <Card withBorder padding="lg" component="section" aria-labelledby="shifts-heading">
              <Title order={2} size="h3" id="shifts-heading" mb="sm">
                Shifts
              </Title>
              {remove.error ? <ErrorRegion error={remove.error} title="We couldn't remove the shift" /> : null}
              {data.shifts.length === 0 ? (
                <Text size="sm">No shifts from yesterday to two weeks ahead.</Text>
              ) : (
                <Table.ScrollContainer minWidth={340}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Clinician</Table.Th>
                        <Table.Th>From</Table.Th>
                        <Table.Th>Until</Table.Th>
                        <Table.Th>
                          <VisuallyHidden>Actions</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.shifts.map((s) => (
                        <Table.Tr key={s.id}>
                          <Table.Td>{s.clinician.displayName}</Table.Td>
                          <Table.Td>{formatDateTime(s.startsAt)}</Table.Td>
                          <Table.Td>{formatDateTime(s.endsAt)}</Table.Td>
                          <Table.Td>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              loading={remove.isPending && remove.variables === s.id}
                              onClick={() => remove.mutate(s.id)}
                              aria-label={`Remove the shift of ${s.clinician.displayName} from ${formatDateTime(s.startsAt)}`}
                            >
                              Remove
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
            <AddShiftForm />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

function AddShiftForm() {
  const clinicians = useUsers({ role: 'clinician', status: 'active' });
  const add = useAddShift();
  const [clinicianId, setClinicianId] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function submit() {
    setSaved(null);
    if (!clinicianId || !startsAt || !endsAt) return setProblem('Choose a clinician, a start and an end.');
    if (toInstant(endsAt) <= toInstant(startsAt)) return setProblem('The shift must end after it starts.');
    setProblem(null);
    add.mutate(
      { clinicianId, startsAt: toInstant(startsAt), endsAt: toInstant(endsAt) },
      {
        onSuccess: (s) => {
          setSaved(`${s.clinician.displayName} is on duty from ${formatDateTime(s.startsAt)} to ${formatDateTime(s.endsAt)}.`);
          setStartsAt(endsAt);
          setEndsAt('');
        },
      },
    );
  }

  const options = [{ value: '', label: 'Choose a clinician' }, ...(clinicians.data?.users ?? []).map((u) => ({ value: u.id, label: u.displayName }))];
  return (
    <SectionForm
      headingId="add-shift-heading"
      title="Add a shift"
      onSubmit={submit}
      error={add.error}
      errorTitle={add.error instanceof ApiError && add.error.code === 'rota_overlap' ? 'This shift overlaps another' : "We couldn't add the shift"}
      saved={saved}
      submitLabel="Add shift"
      pending={add.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect label="Clinician" data={options} value={clinicianId} onChange={(e) => setClinicianId(e.currentTarget.value)} />
        <TextInput label="From" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} />
        <TextInput label="Until" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.currentTarget.value)} />
      </SimpleGrid>
      {problem ? (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {problem}
        </Text>
      ) : null}
    </SectionForm>
  );
}
