import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorRegion } from '../layout/feedback';
import { formatDate } from '../layout/format';
import { useDueMeasures, type DueMeasure } from './api';
import { reasonLabel } from './copy';
import classes from '../layout/layout.module.css';

/** The address of one due questionnaire. */
export function questionnairePath(due: Pick<DueMeasure, 'code' | 'requestId'>): string {
  return `/measures/${encodeURIComponent(due.code)}?request=${encodeURIComponent(due.requestId)}`;
}

/**
 * "Questionnaires to do" on the participant's home. Shows nothing while loading or when nothing is
 * due, so the home page does not jump about or nag.
 */
export function DueMeasuresCard() {
  const due = useDueMeasures();
  if (due.error) return <ErrorRegion error={due.error} title="We couldn't load your questionnaires" />;
  const list = due.data?.due ?? [];
  if (list.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="due-measures-heading">
      <Title order={2} size="h3" id="due-measures-heading">
        Questionnaires to do
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A few minutes each. Your answers help your care team see how you are doing.
      </Text>
      <Stack gap="xs" component="ul" className={classes.plainList}>
        {list.map((d) => (
          <Card key={d.requestId} component="li" withBorder padding="sm" radius="md">
            <Group justify="space-between" gap="sm" wrap="wrap">
              <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
                <Text fw={600}>{d.title}</Text>
                <Text size="sm" c="dimmed">
                  {reasonLabel(d.reason)} · since {formatDate(d.dueAt)}
                </Text>
              </div>
              <Button component={Link} to={questionnairePath(d)} aria-label={`Start ${d.shortTitle}: ${reasonLabel(d.reason).toLowerCase()}`}>
                Start
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}
