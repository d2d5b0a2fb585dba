import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSyncedDraft } from '../layout/useSyncedDraft';
import { MOBILE_MAX, type MobileResponse } from '../../shared/schemas/duty';
import { ApiError } from '../api/client';
import { useSetMobile } from '../duty/api';
import { ErrorRegion, SuccessRegion } from '../layout/feedback';

/**
 * The caller's own mobile number, where text messages go (PUT /api/me/mobile): typed as it is
 * dialled, saved in international form, removed with its own button. A number the server refuses
 * (422 invalid_phone) is shown under the field and nothing changes. `said` words the confirmation.
 */
export function MobileNumberForm({ current, label, description, said }: { current: string | null; label: string; description: string; said: (saved: MobileResponse) => string }) {
  const setMobile = useSetMobile();
  const [draft, setDraft] = useSyncedDraft(current, (c) => c ?? '');
  const [saved, setSaved] = useState<string | null>(null);

  const save = (mobile: string) => {
    setSaved(null);
    setMobile.mutate(mobile, { onSuccess: (r) => setSaved(said(r)) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(draft.trim());
  };
  const fieldError = setMobile.error instanceof ApiError && setMobile.error.details.some((d) => d.path === 'body.mobile') ? setMobile.error.message : undefined;

  return (
    <Stack gap="xs">
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={label}
            description={description}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            autoComplete="tel"
            type="tel"
            inputMode="tel"
            maxLength={MOBILE_MAX}
            error={fieldError}
            style={{ flex: '1 1 14rem' }}
          />
          <Group gap="sm" wrap="nowrap">
            <Button type="submit" variant="default" loading={setMobile.isPending && setMobile.variables !== ''}>
              Save number
            </Button>
            {current ? (
              <Button type="button" variant="default" loading={setMobile.isPending && setMobile.variables === ''} onClick={() => save('')}>
                Remove
              </Button>
            ) : null}
          </Group>
        </Group>
      </form>
      {fieldError ? null : <ErrorRegion error={setMobile.error} title="We couldn't save your mobile number" />}
      <SuccessRegion message={saved} />
    </Stack>
  );
}
