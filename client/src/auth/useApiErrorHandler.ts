import { useCallback } from 'react';
import { ApiError } from '../api/ApiError';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { useAuth } from './useAuth';

/**
 * For calls made while signed in: a 401 means the session ended elsewhere, so the user is sent
 * to the login page; any other error becomes a message to show.
 */
export function useApiErrorHandler(): (error: unknown) => string {
  const { sessionExpired } = useAuth();
  const errorMessage = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) sessionExpired();
      return errorMessage(error);
    },
    [sessionExpired, errorMessage],
  );
}
