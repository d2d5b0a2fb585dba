import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ALERT_NOTE_MAX } from '../../shared/schemas/alerts';
import { FormModal } from '../layout/FormModal';
import { useResolveAlert, type AlertOutcome, type ClinicalAlert } from './api';
import { outcomeHelp, outcomeLabel, participantName } from './copy';

const OUTCOMES: AlertOutcome[] = ['check_in_done', 'safety_plan_reviewed', 'escalated', 'false_positive'];

interface Props {
  alert: ClinicalAlert | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Resolves an alert with its outcome (required) and an optional note. */
export function ResolveAlertModal({ alert, onClose, onDone }: Props) {
  const resolve = useResolveAlert();
  const [outcome, setOutcome] = useState<AlertOutcome | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(close: () => void) {
    if (!alert) return;
    if (!outcome) {
      setMissing(true);
      return;
    }
    const chosen = outcome;
    resolve.mutate(
      { alertId: alert.id, outcome: chosen, note: note.trim() || undefined },
      {
        onSuccess: () => {
          onDone(`The alert for ${participantName(alert)} is resolved: ${outcomeLabel[chosen].toLowerCase()}.`);
          close();
        },
      },
    );
  }

  return (
    <FormModal
      opened={alert !== null}
      onClose={onClose}
      onReset={() => {
        setOutcome('');
        setNote('');
        setMissing(false);
      }}
      title={alert ? `Resolve the alert for ${participantName(alert)}` : ''}
      submitLabel="Resolve alert"
      onSubmit={submit}
      mutation={resolve}
      errorTitle="The alert was not resolved"
    >
      {alert ? (
        <>
          <Text size="sm">{alert.summary}</Text>
          <Radio.Group
            label="Outcome"
            description="What happened: this is kept with the alert and counted in the service's figures."
            value={outcome}
            onChange={(v) => {
              setOutcome(v as AlertOutcome);
              setMissing(false);
            }}
            error={missing ? 'Choose an outcome.' : undefined}
            errorProps={{ role: 'alert' }}
            withAsterisk
          >
            <Stack gap="sm" mt="xs">
              {OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={outcomeLabel[o]} description={outcomeHelp[o]} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Note (optional)"
            description="What you did or agreed, for the record."
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={ALERT_NOTE_MAX}
          />
        </>
      ) : null}
    </FormModal>
  );
}
