import { Navigate, Route, Routes } from 'react-router';
import { AccountPage } from './account/AccountPage';
import { AuditPage } from './admin/AuditPage';
import { UsersPage } from './admin/UsersPage';
import { InvitePage } from './auth/InvitePage';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { SignInPage } from './auth/SignInPage';
import { GroupPage } from './groups/GroupPage';
import { HomePage } from './home/HomePage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';

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
          <Route path="admin" element={<RequireRole roles={['admin']} />}>
            <Route index element={<Navigate to="users" replace />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="audit" element={<AuditPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
