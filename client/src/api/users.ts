import type { CreateUserRequest, DirectoryEntry, PublicUser } from '@standpunt/shared';
import { apiFetch } from './apiFetch';

export function fetchUsers(signal?: AbortSignal): Promise<PublicUser[]> {
  return apiFetch<PublicUser[]>('/api/users', signal ? { signal } : {});
}

export function createUser(request: CreateUserRequest): Promise<PublicUser> {
  return apiFetch<PublicUser>('/api/users', { method: 'POST', body: request });
}

/** Every account as colleagues see it, sorted by name: to pick a person from. */
export function fetchDirectory(signal?: AbortSignal): Promise<DirectoryEntry[]> {
  return apiFetch<DirectoryEntry[]>('/api/users/directory', signal ? { signal } : {});
}
