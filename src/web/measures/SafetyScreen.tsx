import { Alert, Anchor, Button, Card, Modal, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { MySafetyPlanSummary } from '../safety-plan/MySafetyPlanSummary';
import type { SafetyScreen as Safety } from './api';
import { crisisNumbers, splitCrisisLine } from './crisisLine';
import classes from './measures.module.css';

/** The crisis-line text with each phone number as a tel: link. */
export function CrisisLineText({ text, size }: { text: string; size?: 'lg' }) {
  return (
    <Text className={size === 'lg' ? classes.crisisText : undefined} size={size === 'lg' ? undefined : 'sm'}>
      {splitCrisisLine(text).map((part, i) =>
        part.kind === 'phone' ? (
          <Anchor key={i} href={`tel:${part.tel}`} inherit underline="always">
            {part.text}
          </Anchor>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </Text>
  );
}

/**
 * Shown at once, over everything, when an answer says someone may be at risk (urgent tier): the
 * server's message, the crisis numbers as large buttons that dial, and that the care team knows.
 * Calm colours; one way on ("Continue"), which Escape also takes.
 *
 * The one Mantine `Modal` outside layout/ (see layout/modal-guard.test.ts): it is not a form and
 * must not look like one. FormModal's Cancel / submit pair would offer a choice where there is
 * none, and a small dialog would put the crisis numbers behind a scroll on a phone; this is a
 * full-screen announcement whose only action is to go on, so it keeps its own `Modal.Root`.
 */
export function UrgentSafetyScreen({ safety, opened, onContinue }: { safety: Safety; opened: boolean; onContinue: () => void }) {
  const numbers = crisisNumbers(safety.crisisLine);
  return (
    <Modal.Root opened={opened} onClose={onContinue} fullScreen returnFocus={false} transitionProps={{ transition: 'fade', duration: 150 }}>
      <Modal.Content className={classes.safety}>
        <Modal.Body p={0}>
          <Stack gap="lg" className={classes.safetyBody}>
            <Modal.Title className={classes.safetyTitle} tabIndex={-1} data-autofocus>
              Thank you for telling us
            </Modal.Title>
            <Text size="lg">{safety.message}</Text>
            <div className={classes.told}>
              <span className={classes.tick} aria-hidden="true">
                ✓
              </span>
              <Text size="lg" fw={700} span>
                My care team has been told
              </Text>
            </div>
            <MySafetyPlanSummary />
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="crisis-heading">
              <Stack gap="md">
                <Title order={3} id="crisis-heading">
                  If you need help now
                </Title>
                <CrisisLineText text={safety.crisisLine} size="lg" />
                {numbers.map((n) => (
                  <Button key={n.tel} component="a" href={`tel:${n.tel}`} size="xl" fullWidth>
                    Call {n.text}
                  </Button>
                ))}
              </Stack>
            </Card>
            <Button size="lg" variant="default" onClick={onContinue}>
              Continue
            </Button>
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

/** The gentle note for a concern-tier answer, with the crisis line in case it is needed. */
export function ConcernNote({ safety }: { safety: Safety }) {
  return (
    <Alert color="blue" variant="light" title="We may check in with you" role="status">
      <Stack gap="xs">
        <Text size="sm">{safety.message}</Text>
        <CrisisLineText text={safety.crisisLine} />
        <MySafetyPlanSummary />
      </Stack>
    </Alert>
  );
}
