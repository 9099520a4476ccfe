import type { LoginRequest, MeResponse, PublicUser } from '@standpunt/shared';
import { apiFetch } from './apiFetch';

export async function login(credentials: LoginRequest): Promise<PublicUser> {
  const { user } = await apiFetch<MeResponse>('/api/auth/login', {
    method: 'POST',
    body: credentials,
  });
  return user;
}

export async function logout(): Promise<void> {
  await apiFetch<void>('/api/auth/logout', { method: 'POST' });
}

export async function fetchMe(signal?: AbortSignal): Promise<PublicUser> {
  const { user } = await apiFetch<MeResponse>('/api/auth/me', signal ? { signal } : {});
  return user;
}
