import { Group, Text } from '@mantine/core';
import { PhoneActions } from './PhoneActions';
import { contactMethodPhrase, useAlertContact } from './api';

/** On an alert card: the member's numbers with tap-to-call / tap-to-text and how they prefer to be reached. Nothing when the caller may not see them. */
export function AlertContactLinks({ alertId, name }: { alertId: string; name: string }) {
  const query = useAlertContact(alertId);
  const contact = query.data?.contact;
  if (!contact) return null;
  if (!contact.mobilePhone && !contact.homePhone) {
    return (
      <Text size="sm" c="dimmed">
        No phone number on {name}’s record.
      </Text>
    );
  }
  const preference = contact.preferredMethod ? `Prefers ${contactMethodPhrase[contact.preferredMethod]}${contact.preferredTimes ? ` · ${contact.preferredTimes}` : ''}` : null;
  return (
    <Group gap="md" wrap="wrap" aria-label={`Reach ${name}`} role="group">
      {contact.mobilePhone ? <PhoneActions phone={contact.mobilePhone} label="mobile" mobile who={name} size="sm" /> : null}
      {contact.homePhone ? <PhoneActions phone={contact.homePhone} label="home number" who={name} size="sm" /> : null}
      {preference ? (
        <Text size="sm" c="dimmed">
          {preference}
        </Text>
      ) : null}
    </Group>
  );
}
