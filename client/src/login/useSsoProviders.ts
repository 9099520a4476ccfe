import type { SsoProviderSummary } from '@standpunt/shared';
import { useEffect, useState } from 'react';
import { fetchSsoProviders } from '../api/ssoProviders';

/**
 * The single sign-on providers, empty until known. When they cannot be fetched the page
 * simply offers the password form: signing in must not wait on them.
 */
export function useSsoProviders(): SsoProviderSummary[] {
  const [providers, setProviders] = useState<SsoProviderSummary[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetchSsoProviders(controller.signal)
      .then(setProviders)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.warn(error);
      });
    return () => controller.abort();
  }, []);
  return providers;
}
