import type { CreateUserRequest, PublicUser } from '@standpunt/shared';
import { apiFetch } from './apiFetch';

export function fetchUsers(signal?: AbortSignal): Promise<PublicUser[]> {
  return apiFetch<PublicUser[]>('/api/users', signal ? { signal } : {});
}

export function createUser(request: CreateUserRequest): Promise<PublicUser> {
  return apiFetch<PublicUser>('/api/users', { method: 'POST', body: request });
}
