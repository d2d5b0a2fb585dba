import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { InvitePage } from './auth/InvitePage';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { SignInPage } from './auth/SignInPage';
import { AppLayout } from './layout/AppLayout';
import { PageLoader } from './layout/feedback';
import { NotFoundPage } from './layout/NotFoundPage';
import { LazyTrajectoryPage } from './measures/LazyTrajectoryPage';
import { LazyConnectionMapPage } from './connection/LazyConnectionMapPage';
import { loadAppStyles } from './styles/appStyles';

// Every signed-in page loads when first opened (route-level code splitting): the sign-in page,
// the first thing a phone downloads, carries none of them. AppLayout shows a loader meanwhile.
// The offer page is open without signing in but uses the signed-in pages' Mantine styles.
const OfferAnswerPage = lazy(() => Promise.all([import('./pathway/OfferAnswerPage'), loadAppStyles()]).then(([m]) => ({ default: m.OfferAnswerPage })));
const NotificationSettingsPage = lazy(() => import('./account/NotificationSettingsPage').then((m) => ({ default: m.NotificationSettingsPage })));
const MyDataPage = lazy(() => import('./data-rights/MyDataPage').then((m) => ({ default: m.MyDataPage })));
const ErasurePage = lazy(() => import('./data-rights/ErasurePage').then((m) => ({ default: m.ErasurePage })));
const AccountPage = lazy(() => import('./account/AccountPage').then((m) => ({ default: m.AccountPage })));
const AuditPage = lazy(() => import('./admin/AuditPage').then((m) => ({ default: m.AuditPage })));
const FhirExportPage = lazy(() => import('./admin/FhirExportPage').then((m) => ({ default: m.FhirExportPage })));
const RotaPage = lazy(() => import('./admin/RotaPage').then((m) => ({ default: m.RotaPage })));
const SmsOutboxPage = lazy(() => import('./admin/SmsOutboxPage').then((m) => ({ default: m.SmsOutboxPage })));
const DigestPage = lazy(() => import('./digest/DigestPage').then((m) => ({ default: m.DigestPage })));
const MailOutboxPage = lazy(() => import('./digest/MailOutboxPage').then((m) => ({ default: m.MailOutboxPage })));
const AlertsPage = lazy(() => import('./alerts/AlertsPage').then((m) => ({ default: m.AlertsPage })));
const SettingsPage = lazy(() => import('./alerts/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const UsersPage = lazy(() => import('./admin/UsersPage').then((m) => ({ default: m.UsersPage })));
const CelebrationsPage = lazy(() => import('./goals/CelebrationsPage').then((m) => ({ default: m.CelebrationsPage })));
const GoalDetailPage = lazy(() => import('./goals/GoalDetailPage').then((m) => ({ default: m.GoalDetailPage })));
const GoalsPage = lazy(() => import('./goals/GoalsPage').then((m) => ({ default: m.GoalsPage })));
const GoalWizard = lazy(() => import('./goals/GoalWizard').then((m) => ({ default: m.GoalWizard })));
const GroupPage = lazy(() => import('./groups/GroupPage').then((m) => ({ default: m.GroupPage })));
const HomePage = lazy(() => import('./home/HomePage').then((m) => ({ default: m.HomePage })));
const JournalPage = lazy(() => import('./journal/JournalPage').then((m) => ({ default: m.JournalPage })));
const OutcomesPage = lazy(() => import('./measures/OutcomesPage').then((m) => ({ default: m.OutcomesPage })));
const QuestionnairePage = lazy(() => import('./measures/QuestionnairePage').then((m) => ({ default: m.QuestionnairePage })));
const AgreementPage = lazy(() => import('./participant/AgreementPage').then((m) => ({ default: m.AgreementPage })));
const NotificationsPage = lazy(() => import('./participant/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const UpcomingPage = lazy(() => import('./participant/UpcomingPage').then((m) => ({ default: m.UpcomingPage })));
const RecordPage = lazy(() => import('./records/RecordPage').then((m) => ({ default: m.RecordPage })));
const SessionPage = lazy(() => import('./sessions/SessionPage').then((m) => ({ default: m.SessionPage })));
const SkillsPage = lazy(() => import('./skills/SkillsPage').then((m) => ({ default: m.SkillsPage })));
const SpacePage = lazy(() => import('./space/SpacePage').then((m) => ({ default: m.SpacePage })));
const AppreciationsPage = lazy(() => import('./feedback/AppreciationsPage').then((m) => ({ default: m.AppreciationsPage })));
const FeedbackPage = lazy(() => import('./feedback/FeedbackPage').then((m) => ({ default: m.FeedbackPage })));
const SendAppreciationPage = lazy(() => import('./feedback/SendAppreciationPage').then((m) => ({ default: m.SendAppreciationPage })));
const GroupPicker = lazy(() => import('./strategies/GroupPicker').then((m) => ({ default: m.GroupPicker })));
const LibraryPage = lazy(() => import('./strategies/LibraryPage').then((m) => ({ default: m.LibraryPage })));
const StrategiesPage = lazy(() => import('./strategies/StrategiesPage').then((m) => ({ default: m.StrategiesPage })));
const ModerationQueuePage = lazy(() => import('./moderation/ModerationQueuePage').then((m) => ({ default: m.ModerationQueuePage })));
const MyPostsPage = lazy(() => import('./moderation/MyPostsPage').then((m) => ({ default: m.MyPostsPage })));
const WatchedPhrasesPage = lazy(() => import('./moderation/WatchedPhrasesPage').then((m) => ({ default: m.WatchedPhrasesPage })));
const MemberSafetyPlanPage = lazy(() => import('./safety-plan/MemberSafetyPlanPage').then((m) => ({ default: m.MemberSafetyPlanPage })));
const ProgrammesPage = lazy(() => import('./programmes/ProgrammesPage').then((m) => ({ default: m.ProgrammesPage })));
const NewProgrammePage = lazy(() => import('./programmes/ProgrammeEditorPage').then((m) => ({ default: m.NewProgrammePage })));
const EditProgrammePage = lazy(() => import('./programmes/ProgrammeEditorPage').then((m) => ({ default: m.EditProgrammePage })));
const NewGroupPage = lazy(() => import('./programmes/NewGroupPage').then((m) => ({ default: m.NewGroupPage })));
const MySafetyPlanPage = lazy(() => import('./safety-plan/MySafetyPlanPage').then((m) => ({ default: m.MySafetyPlanPage })));

/** Every page of the web shell. Pages behind RequireAuth need a fully signed-in session. */
export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/invite" element={<InvitePage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route
        path="/offer"
        element={
          <Suspense fallback={<PageLoader label="Loading the page…" />}>
            <OfferAnswerPage />
          </Suspense>
        }
      />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="account/notifications" element={<NotificationSettingsPage />} />
          <Route path="account/data" element={<MyDataPage />} />
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
            <Route path="groups/:groupId/connections" element={<LazyConnectionMapPage />} />
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
            <Route path="groups/new" element={<NewGroupPage />} />
            <Route path="programmes/:programmeId" element={<EditProgrammePage />} />
          </Route>
          <Route path="admin" element={<RequireRole roles={['admin']} />}>
            <Route index element={<Navigate to="users" replace />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="users/:userId/erasure" element={<ErasurePage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="fhir-export" element={<FhirExportPage />} />
            <Route path="mail" element={<MailOutboxPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="rota" element={<RotaPage />} />
            <Route path="sms" element={<SmsOutboxPage />} />
            <Route path="watched-phrases" element={<WatchedPhrasesPage />} />
            <Route path="programmes" element={<ProgrammesPage />} />
            <Route path="programmes/new" element={<NewProgrammePage />} />
            <Route path="programmes/:programmeId" element={<EditProgrammePage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
