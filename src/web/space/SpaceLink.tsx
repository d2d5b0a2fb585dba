import { Button } from '@mantine/core';
import { Link } from 'react-router';

/** The way into a group's space from its group page. */
export function SpaceLink({ groupId }: { groupId: string }) {
  return (
    <Button component={Link} to={`/groups/${groupId}/space`} variant="light" data-testid="open-space">
      Open the group space
    </Button>
  );
}
