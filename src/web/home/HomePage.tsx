import { useMe } from '../auth/session';
import { AdminHome } from './AdminHome';
import { ClinicianHome } from './ClinicianHome';
import { ParticipantHome } from './ParticipantHome';

/** "/": each role's own starting point. */
export function HomePage() {
  const me = useMe();
  switch (me.user.role) {
    case 'admin':
      return <AdminHome />;
    case 'clinician':
      return <ClinicianHome />;
    case 'participant':
      return <ParticipantHome />;
  }
}
