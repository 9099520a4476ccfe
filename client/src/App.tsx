import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import {
  ACCOUNT_PATH,
  FORGOT_PASSWORD_PATH,
  RESET_PASSWORD_ROUTE,
  WELCOME_ROUTE,
} from './account/accountPaths';
import { ForgotPasswordPage } from './account/ForgotPasswordPage';
import { AuditPage } from './audit/AuditPage';
import { AuthProvider } from './auth/AuthProvider';
import { RequireAuth } from './auth/RequireAuth';
import { LanguageProvider } from './i18n/LanguageProvider';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { PageErrorBoundary } from './layout/PageErrorBoundary';
import { pageOnDemand } from './layout/pageOnDemand';
import { LoginPage } from './login/LoginPage';
import { PaperListPage } from './papers/PaperListPage';

// The editor (TipTap, Yjs) is most of the code: load it only when a paper is opened.
const paperPage = pageOnDemand(() => import('./paper/PaperPage').then((m) => m.PaperPage));
// Opened straight at a paper (a link, a reload): fetch its code while the sign-in is checked,
// not after. Should that fail, opening the page reports it.
if (/^\/papers\/[^/]+\/?$/.test(window.location.pathname)) paperPage.preload().catch(() => {});
const PaperPage = paperPage.Page;
// Drafts are read without the editor: their pages are a chunk of their own.
const DraftsPage = pageOnDemand(() => import('./drafts/DraftsPage').then((m) => m.DraftsPage)).Page;
const DraftPage = pageOnDemand(() => import('./drafts/DraftPage').then((m) => m.DraftPage)).Page;
const ComparePage = pageOnDemand(() =>
  import('./drafts/ComparePage').then((m) => m.ComparePage),
).Page;

// Account management is for few, and seldom: Beheer, one's own account and a mail's link.
const AdminPage = pageOnDemand(() => import('./admin/AdminPage').then((m) => m.AdminPage)).Page;
const AccountPage = pageOnDemand(() =>
  import('./account/AccountPage').then((m) => m.AccountPage),
).Page;
const WelcomePage = pageOnDemand(() =>
  import('./account/PasswordLinkPage').then((m) => m.WelcomePage),
).Page;
const ResetPasswordPage = pageOnDemand(() =>
  import('./account/PasswordLinkPage').then((m) => m.ResetPasswordPage),
).Page;

/** A signed-in page whose code is loaded when it is first opened. */
function OnDemandPage({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <PageErrorBoundary>{children}</PageErrorBoundary>
    </RequireAuth>
  );
}

/**
 * Providers and routes. Every route needs a signed-in user but /login and the pages that get
 * one in without it: a mail's link, and asking for one.
 */
export function App() {
  return (
    <LanguageProvider>
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<AppLayout />}>
              <Route path="/login" element={<LoginPage />} />
              <Route path={FORGOT_PASSWORD_PATH} element={<ForgotPasswordPage />} />
              <Route
                path={WELCOME_ROUTE}
                element={
                  <PageErrorBoundary>
                    <WelcomePage />
                  </PageErrorBoundary>
                }
              />
              <Route
                path={RESET_PASSWORD_ROUTE}
                element={
                  <PageErrorBoundary>
                    <ResetPasswordPage />
                  </PageErrorBoundary>
                }
              />
              <Route
                path={ACCOUNT_PATH}
                element={
                  <OnDemandPage>
                    <AccountPage />
                  </OnDemandPage>
                }
              />
              <Route
                path="/"
                element={
                  <RequireAuth>
                    <PaperListPage />
                  </RequireAuth>
                }
              />
              <Route
                path="/papers/:id"
                element={
                  <OnDemandPage>
                    <PaperPage />
                  </OnDemandPage>
                }
              />
              <Route
                path="/papers/:id/versies"
                element={
                  <OnDemandPage>
                    <DraftsPage />
                  </OnDemandPage>
                }
              />
              <Route
                path="/papers/:id/versies/:n"
                element={
                  <OnDemandPage>
                    <DraftPage />
                  </OnDemandPage>
                }
              />
              <Route
                path="/papers/:id/versies/:n/vergelijk/:m"
                element={
                  <OnDemandPage>
                    <ComparePage />
                  </OnDemandPage>
                }
              />
              <Route
                path="/admin"
                element={
                  <OnDemandPage>
                    <AdminPage />
                  </OnDemandPage>
                }
              />
              <Route
                path="/logboek"
                element={
                  <RequireAuth>
                    <AuditPage />
                  </RequireAuth>
                }
              />
              <Route
                path="*"
                element={
                  <RequireAuth>
                    <NotFoundPage />
                  </RequireAuth>
                }
              />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </LanguageProvider>
  );
}
