import { Navigate, Route, Routes } from 'react-router';
import { AccountPage } from './account/AccountPage';
import { AuditPage } from './admin/AuditPage';
import { AlertsPage } from './alerts/AlertsPage';
import { SettingsPage } from './alerts/SettingsPage';
import { UsersPage } from './admin/UsersPage';
import { InvitePage } from './auth/InvitePage';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { SignInPage } from './auth/SignInPage';
import { GroupPage } from './groups/GroupPage';
import { HomePage } from './home/HomePage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { OutcomesPage } from './measures/OutcomesPage';
import { QuestionnairePage } from './measures/QuestionnairePage';
import { LazyTrajectoryPage } from './measures/LazyTrajectoryPage';
import { AgreementPage } from './participant/AgreementPage';
import { NotificationsPage } from './participant/NotificationsPage';
import { UpcomingPage } from './participant/UpcomingPage';
import { RecordPage } from './records/RecordPage';
import { SessionPage } from './sessions/SessionPage';

/** Every page of the web shell. Pages behind RequireAuth need a fully signed-in session. */
export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/invite" element={<InvitePage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="groups/:groupId" element={<GroupPage />} />
          <Route path="sessions/:sessionId" element={<SessionPage />} />
          <Route element={<RequireRole roles={['clinician', 'participant']} />}>
            <Route path="upcoming" element={<UpcomingPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
          </Route>
          <Route element={<RequireRole roles={['clinician']} />}>
            <Route path="records/:enrolmentId" element={<RecordPage />} />
            <Route path="records/:enrolmentId/measures" element={<LazyTrajectoryPage />} />
            <Route path="alerts" element={<AlertsPage />} />
          </Route>
          <Route element={<RequireRole roles={['participant']} />}>
            <Route path="agreement/:enrolmentId" element={<AgreementPage />} />
            <Route path="measures/:code" element={<QuestionnairePage />} />
          </Route>
          <Route element={<RequireRole roles={['clinician', 'admin']} />}>
            <Route path="reports/outcomes" element={<OutcomesPage />} />
          </Route>
          <Route path="admin" element={<RequireRole roles={['admin']} />}>
            <Route index element={<Navigate to="users" replace />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="settings" element={<SettingsPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
