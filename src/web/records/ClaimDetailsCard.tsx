import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { DIAGNOSIS_CODE_MAX, normaliseDiagnosisCode } from '../../shared/schemas/billing';
import { ApiError } from '../api/client';
import type { ParticipantRecord } from '../api/types';
import { Fact, Facts } from '../layout/Facts';
import { ErrorRegion } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { formatRecordNumber, RecordNumberField } from '../pathway/RecordNumberField';
import { useUpdateClaimDetails } from './api';

interface Props {
  record: ParticipantRecord;
  onSaved: (message: string) => void;
}

/**
 * The member's record number, date of birth and diagnosis code, for the group's clinicians (a
 * participant cannot open a record). They go on the billing lines when the service bills.
 */
export function ClaimDetailsCard({ record, onSaved }: Props) {
  const claim = record.claim;
  const update = useUpdateClaimDetails(record.enrolment.id);
  const [editing, setEditing] = useState(false);
  const [recordNumber, setRecordNumber] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [diagnosisCode, setDiagnosisCode] = useState('');
  const [attempted, setAttempted] = useState(false);
  const server = update.error instanceof ApiError ? update.error : null;
  const codeProblem =
    diagnosisCode.trim() && !normaliseDiagnosisCode(diagnosisCode)
      ? 'Use an ICD-10 code: a letter, two digits, then optionally a full stop and up to four letters or digits (e.g. F41.1).'
      : undefined;

  function start() {
    update.reset();
    setRecordNumber(claim.recordNumber ? formatRecordNumber(claim.recordNumber) : '');
    setDateOfBirth(claim.dateOfBirth ?? '');
    setDiagnosisCode(claim.diagnosisCode ?? '');
    setAttempted(false);
    setEditing(true);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (codeProblem) return;
    update.mutate(
      { recordNumber: recordNumber.trim() || null, dateOfBirth: dateOfBirth || null, diagnosisCode: diagnosisCode.trim() || null },
      {
        onSuccess: () => {
          setEditing(false);
          onSaved('Record number, date of birth and diagnosis code saved.');
        },
      },
    );
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="claim-heading">
      <Title order={2} size="h3" id="claim-heading" mb="xs">
        Record number and claim details
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Seen by the group’s clinicians only, never by other members. They go on billing lines when your service bills.
      </Text>
      {editing ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <RecordNumberField context="record" value={recordNumber} onChange={setRecordNumber} error={server?.fieldMessage('recordNumber')} />
              <TextInput
                label="Date of birth (optional)"
                type="date"
                value={dateOfBirth}
                onChange={(e) => setDateOfBirth(e.currentTarget.value)}
                error={server?.fieldMessage('dateOfBirth')}
              />
              <TextInput
                label="Diagnosis code (optional)"
                description="ICD-10, e.g. F41.1"
                autoComplete="off"
                spellCheck={false}
                maxLength={DIAGNOSIS_CODE_MAX + 4}
                value={diagnosisCode}
                onChange={(e) => setDiagnosisCode(e.currentTarget.value)}
                error={server?.fieldMessage('diagnosisCode') ?? (attempted ? codeProblem : undefined)}
              />
            </SimpleGrid>
            <ErrorRegion error={server?.details.length ? null : update.error} title="We couldn't save the claim details" />
            <Group gap="sm">
              <Button type="submit" loading={update.isPending}>
                Save
              </Button>
              <Button variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <>
          <Facts>
            <Fact label="Record number">{claim.recordNumber ? formatRecordNumber(claim.recordNumber) : 'Not recorded'}</Fact>
            <Fact label="Date of birth">{claim.dateOfBirth ? formatDate(claim.dateOfBirth) : 'Not recorded'}</Fact>
            <Fact label="Diagnosis code (ICD-10)">{claim.diagnosisCode ?? 'Not recorded'}</Fact>
          </Facts>
          <Button size="xs" variant="default" mt="md" onClick={start}>
            Edit record number and claim details
          </Button>
        </>
      )}
    </Card>
  );
}
