import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingMessage } from '../layout/LoadingMessage';
import { useAuth } from './useAuth';

/** Where the login page sends people back to once they are signed in. */
export interface LoginRedirectState {
  from?: string;
}

/** Shows `children` to signed-in people and sends everyone else to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingMessage />;
  if (state.status === 'signedOut') {
    const redirect: LoginRedirectState = {
      from: location.pathname + location.search + location.hash,
    };
    return <Navigate to="/login" replace state={redirect} />;
  }
  return <>{children}</>;
}
