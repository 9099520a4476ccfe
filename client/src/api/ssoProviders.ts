import type { SsoProviderSummary } from '@standpunt/shared';
import { apiFetch } from './apiFetch';

/** The single sign-on providers the server knows; none when it has no providers file. */
export function fetchSsoProviders(signal?: AbortSignal): Promise<SsoProviderSummary[]> {
  return apiFetch<SsoProviderSummary[]>('/api/auth/providers', signal ? { signal } : {});
}
