import {
  USER_TOTAL_HEADER,
  type CreateUserRequest,
  type DirectoryEntry,
  type ImportLineError,
  type ImportReport,
  type PatchUserRequest,
  type PublicUser,
  type UserListQuery,
} from '@standpunt/shared';
import { ApiError } from './ApiError';
import { apiFetch, apiFetchWithHeaders } from './apiFetch';

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

/** One page of the account list, with the number of accounts that match in all. */
export interface UserPage {
  users: PublicUser[];
  total: number;
}

/** `/api/users?…` with only the conditions that are set. */
export function userListPath(query: UserListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/api/users?${search}` : '/api/users';
}

export async function fetchUserPage(query: UserListQuery, signal?: AbortSignal): Promise<UserPage> {
  const { body, headers } = await apiFetchWithHeaders<PublicUser[]>(
    userListPath(query),
    signal ? { signal } : {},
  );
  const total = Number(headers.get(USER_TOTAL_HEADER));
  // Without the header (a proxy that drops it) the page itself is all that is known.
  return { users: body, total: Number.isFinite(total) && total > 0 ? total : body.length };
}

export function createUser(request: CreateUserRequest): Promise<PublicUser> {
  return apiFetch<PublicUser>('/api/users', { method: 'POST', body: request });
}

/** Name, organisation, admin rights, or (de)activation; answers with the account as it is now. */
export function updateUser(id: string, changes: PatchUserRequest): Promise<PublicUser> {
  return apiFetch<PublicUser>(userPath(id), { method: 'PATCH', body: changes });
}

/** Sends the invitation mail again; the link of an earlier one stops working. */
export function resendInvitation(id: string): Promise<void> {
  return apiFetch<void>(`${userPath(id)}/invitation`, { method: 'POST' });
}

/** An import file's content as it is sent, with its content type. */
export interface ImportFile {
  content: string;
  type: 'text/csv' | 'application/json';
}

/** `POST /api/users/import`: a dry run reports what would happen, without making anything. */
export function importUsers(
  file: ImportFile,
  options: { dryRun: boolean; invite: boolean },
): Promise<ImportReport> {
  const query = new URLSearchParams({
    dryRun: String(options.dryRun),
    invite: String(options.invite),
  });
  return apiFetch<ImportReport>(`/api/users/import?${query}`, {
    method: 'POST',
    text: { content: file.content, type: file.type },
  });
}

/** The lines that stopped an import (400 `{error, lines}`), or null for any other failure. */
export function importLineErrors(error: unknown): ImportLineError[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const lines = (error.body as { lines?: unknown } | undefined)?.lines;
  if (!Array.isArray(lines)) return null;
  return lines.filter(
    (line): line is ImportLineError =>
      typeof line === 'object' &&
      line !== null &&
      typeof (line as ImportLineError).line === 'number' &&
      typeof (line as ImportLineError).message === 'string',
  );
}

/** Every account as colleagues see it, sorted by name: to pick a person from. */
export function fetchDirectory(signal?: AbortSignal): Promise<DirectoryEntry[]> {
  return apiFetch<DirectoryEntry[]>('/api/users/directory', signal ? { signal } : {});
}
