import { Alert, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { MyEnrolment } from '../api/types';

/** "Accept your group agreement": shown until the member has accepted the current version. */
export function AgreementCallout({ enrolment }: { enrolment: MyEnrolment }) {
  const updated = enrolment.status !== 'invited' && enrolment.agreementVersion !== null;
  return (
    <Alert color="blue" variant="light" title={updated ? 'The group agreement has changed' : 'Accept your group agreement'} component="section">
      <Text size="sm">
        {updated
          ? `The agreement for ${enrolment.groupName} has been updated. Please take a moment to read the new version.`
          : `Welcome to ${enrolment.groupName}! Before you join, please read the group agreement: it is how we keep the group safe for everyone.`}
      </Text>
      <Group mt="sm">
        <Button component={Link} to={`/agreement/${enrolment.id}`} size="sm">
          Read and accept the agreement
        </Button>
      </Group>
    </Alert>
  );
}
