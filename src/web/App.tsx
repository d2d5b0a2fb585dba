import { Navigate, Route, Routes } from 'react-router';
import { AccountPage } from './account/AccountPage';
import { AuditPage } from './admin/AuditPage';
import { RotaPage } from './admin/RotaPage';
import { SmsOutboxPage } from './admin/SmsOutboxPage';
import { DigestPage } from './digest/DigestPage';
import { MailOutboxPage } from './digest/MailOutboxPage';
import { AlertsPage } from './alerts/AlertsPage';
import { SettingsPage } from './alerts/SettingsPage';
import { UsersPage } from './admin/UsersPage';
import { InvitePage } from './auth/InvitePage';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { SignInPage } from './auth/SignInPage';
import { CelebrationsPage } from './goals/CelebrationsPage';
import { GoalDetailPage } from './goals/GoalDetailPage';
import { GoalsPage } from './goals/GoalsPage';
import { GoalWizard } from './goals/GoalWizard';
import { GroupPage } from './groups/GroupPage';
import { HomePage } from './home/HomePage';
import { JournalPage } from './journal/JournalPage';
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
import { SkillsPage } from './skills/SkillsPage';
import { SpacePage } from './space/SpacePage';
import { AppreciationsPage } from './feedback/AppreciationsPage';
import { FeedbackPage } from './feedback/FeedbackPage';
import { SendAppreciationPage } from './feedback/SendAppreciationPage';
import { GroupPicker } from './strategies/GroupPicker';
import { LibraryPage } from './strategies/LibraryPage';
import { StrategiesPage } from './strategies/StrategiesPage';
import { ModerationQueuePage } from './moderation/ModerationQueuePage';
import { MyPostsPage } from './moderation/MyPostsPage';
import { WatchedPhrasesPage } from './moderation/WatchedPhrasesPage';
import { MemberSafetyPlanPage } from './safety-plan/MemberSafetyPlanPage';
import { MySafetyPlanPage } from './safety-plan/MySafetyPlanPage';

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
            <Route path="library" element={<LibraryPage />} />
            <Route path="groups/:groupId/strategies" element={<StrategiesPage />} />
            <Route path="groups/:groupId/feedback" element={<FeedbackPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="groups/:groupId/space" element={<SpacePage />} />
            <Route path="groups/:groupId/space/:threadKey" element={<SpacePage />} />
          </Route>
          <Route element={<RequireRole roles={['clinician']} />}>
            <Route path="records/:enrolmentId" element={<RecordPage />} />
            <Route path="records/:enrolmentId/measures" element={<LazyTrajectoryPage />} />
            <Route path="alerts" element={<AlertsPage />} />
            <Route path="sessions/:sessionId/digest" element={<DigestPage />} />
            <Route path="records/:enrolmentId/safety-plan" element={<MemberSafetyPlanPage />} />
            <Route path="moderation" element={<ModerationQueuePage />} />
          </Route>
          <Route element={<RequireRole roles={['participant']} />}>
            <Route path="agreement/:enrolmentId" element={<AgreementPage />} />
            <Route path="measures/:code" element={<QuestionnairePage />} />
            <Route path="goals" element={<GoalsPage />} />
            <Route path="goals/new" element={<GoalWizard />} />
            <Route path="goals/:goalId" element={<GoalDetailPage />} />
            <Route path="celebrations" element={<CelebrationsPage />} />
            <Route path="skills" element={<SkillsPage />} />
            <Route path="journal" element={<JournalPage />} />
            <Route path="safety-plan" element={<MySafetyPlanPage />} />
            <Route path="my-posts" element={<MyPostsPage />} />
            <Route path="strategies" element={<GroupPicker section="strategies" title="Coping strategies" />} />
            <Route path="feedback" element={<GroupPicker section="feedback" title="Feedback" />} />
            <Route path="appreciations" element={<AppreciationsPage />} />
            <Route path="groups/:groupId/appreciate" element={<SendAppreciationPage />} />
          </Route>
          <Route element={<RequireRole roles={['clinician', 'admin']} />}>
            <Route path="reports/outcomes" element={<OutcomesPage />} />
          </Route>
          <Route path="admin" element={<RequireRole roles={['admin']} />}>
            <Route index element={<Navigate to="users" replace />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="mail" element={<MailOutboxPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="rota" element={<RotaPage />} />
            <Route path="sms" element={<SmsOutboxPage />} />
            <Route path="watched-phrases" element={<WatchedPhrasesPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
