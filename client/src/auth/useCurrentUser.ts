import type { PublicUser } from '@standpunt/shared';
import { useAuth } from './useAuth';

/** The signed-in user; only for pages behind {@link RequireAuth}. */
export function useCurrentUser(): PublicUser {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useCurrentUser needs a signed-in user');
  return state.user;
}
