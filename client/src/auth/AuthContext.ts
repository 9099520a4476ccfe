import type { LoginRequest, PublicUser } from '@standpunt/shared';
import { createContext } from 'react';

export type AuthState =
  { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; user: PublicUser };

export interface AuthContextValue {
  state: AuthState;
  login: (credentials: LoginRequest) => Promise<void>;
  logout: () => Promise<void>;
  /** The server signed this person in (a password set through a mail's link). */
  signedIn: (user: PublicUser) => void;
  /** The server said the session is gone (401, websocket 4401): forget the user locally. */
  sessionExpired: () => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
