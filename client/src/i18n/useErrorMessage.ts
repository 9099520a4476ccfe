import { useCallback } from 'react';
import { ApiError, NETWORK_ERROR_STATUS } from '../api/ApiError';
import { useT } from './useT';

/** Turns a failed call into a sentence for the user: the server's own message when it sent one. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.status === NETWORK_ERROR_STATUS) return t('app.networkError');
        if (error.message) return error.message;
      }
      return t('app.unknownError');
    },
    [t],
  );
}
