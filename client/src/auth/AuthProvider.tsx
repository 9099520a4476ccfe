import type { LoginRequest, PublicUser } from '@standpunt/shared';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/ApiError';
import { fetchMe, login as apiLogin, logout as apiLogout } from '../api/auth';
import { AuthContext, type AuthState } from './AuthContext';

/** Knows who is signed in: asks the server once at start, then follows login and logout. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal)
      .then((user) => setState({ status: 'signedIn', user }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // 401 is the ordinary "not signed in"; anything else also leaves us at the login page.
        if (!(error instanceof ApiError) || error.status !== 401) console.warn(error);
        setState({ status: 'signedOut' });
      });
    return () => controller.abort();
  }, []);

  const login = useCallback(async (credentials: LoginRequest) => {
    const user = await apiLogin(credentials);
    setState({ status: 'signedIn', user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setState({ status: 'signedOut' });
    }
  }, []);

  const signedIn = useCallback((user: PublicUser) => setState({ status: 'signedIn', user }), []);
  const sessionExpired = useCallback(() => setState({ status: 'signedOut' }), []);

  const value = useMemo(
    () => ({ state, login, logout, signedIn, sessionExpired }),
    [state, login, logout, signedIn, sessionExpired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
