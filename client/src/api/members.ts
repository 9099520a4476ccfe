import type { PaperMember, PaperRole } from '@standpunt/shared';
import { apiFetch } from './apiFetch';

const membersPath = (paperId: string) => `/api/papers/${encodeURIComponent(paperId)}/members`;

export function fetchMembers(paperId: string, signal?: AbortSignal): Promise<PaperMember[]> {
  return apiFetch<PaperMember[]>(membersPath(paperId), signal ? { signal } : {});
}

/** Adds a member or changes their role; answers with all members. */
export function setMemberRole(
  paperId: string,
  userId: string,
  role: PaperRole,
): Promise<PaperMember[]> {
  return apiFetch<PaperMember[]>(`${membersPath(paperId)}/${encodeURIComponent(userId)}`, {
    method: 'PUT',
    body: { role },
  });
}

/** Takes a person off the paper; answers with the members left. */
export function removeMember(paperId: string, userId: string): Promise<PaperMember[]> {
  return apiFetch<PaperMember[]>(`${membersPath(paperId)}/${encodeURIComponent(userId)}`, {
    method: 'DELETE',
  });
}
