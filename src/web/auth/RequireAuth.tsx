import { Button } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { ErrorRegion, PageLoader } from '../layout/feedback';
import { PublicLayout } from '../layout/PublicLayout';
import { NotFoundPage } from '../layout/NotFoundPage';
import { useAppStyles } from '../styles/appStyles';
import { MfaEnrolmentPage } from './MfaEnrolmentPage';
import { useSession } from './api';
import { useMe } from './session';

/**
 * The sign-in gate for every page of the app. Signed out, or half-way through MFA: back to
 * sign-in. Staff without MFA: the enrolment screen. Otherwise the page. The signed-in pages'
 * Mantine styles (not on the sign-in page) load alongside the session; nothing signed-in is
 * shown before they apply.
 */
export function RequireAuth() {
  const session = useSession();
  const styles = useAppStyles();
  const location = useLocation();

  if (session.isPending) return <PageLoader />;
  if (session.error || !session.data) {
    return (
      <PublicLayout>
        <ErrorRegion error={session.error} title="We couldn't reach Hearth" />
      </PublicLayout>
    );
  }
  const state = session.data;
  if (state.status === 'signed-out' || state.me.session.mfa === 'required') {
    // After "Sign out" the next person starts at their own home; otherwise come back here.
    const explicit = state.status === 'signed-out' && state.reason === 'signed_out';
    const from = explicit ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  if (styles.state === 'loading') return <PageLoader />;
  if (styles.state === 'failed') {
    return (
      <PublicLayout>
        <ErrorRegion error={new Error('styles')} title="We couldn't load this page" />
        <Button mt="md" onClick={styles.retry}>
          Try again
        </Button>
      </PublicLayout>
    );
  }
  if (state.me.session.mfa === 'enrolment_required' || state.me.session.mfa === 'enrolment_offered') {
    return <MfaEnrolmentPage me={state.me} />;
  }
  return <Outlet />;
}

/** Shows the page only to the given roles; everyone else gets "not found" (deny by default). */
export function RequireRole({ roles }: { roles: Role[] }) {
  const me = useMe();
  return roles.includes(me.user.role) ? <Outlet /> : <NotFoundPage />;
}
