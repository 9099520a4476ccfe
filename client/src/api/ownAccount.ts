import type { SessionSummary } from '@standpunt/shared';
import { apiFetch } from './apiFetch';

/** Changes one's own password; the server ends one's other sessions. */
export function changePassword(current: string, password: string): Promise<void> {
  return apiFetch<void>('/api/auth/password', { method: 'PUT', body: { current, password } });
}

/** One's own sessions; `current` marks the one of this browser. */
export function fetchSessions(signal?: AbortSignal): Promise<SessionSummary[]> {
  return apiFetch<SessionSummary[]>('/api/auth/sessions', signal ? { signal } : {});
}

export function endSession(id: string): Promise<void> {
  return apiFetch<void>(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
