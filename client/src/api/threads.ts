import type {
  CreateThreadRequest,
  Disposition,
  EditThreadRequest,
  Position,
  PositionRequest,
  Thread,
} from '@standpunt/shared';
import { apiFetch } from './apiFetch';

const threadsPath = (paperId: string) => `/api/papers/${encodeURIComponent(paperId)}/threads`;
const threadPath = (paperId: string, threadId: string) =>
  `${threadsPath(paperId)}/${encodeURIComponent(threadId)}`;

/** `POST /api/papers/:id/threads`: the server stamps author and municipality. */
export function createThread(paperId: string, request: CreateThreadRequest): Promise<Thread> {
  return apiFetch<Thread>(threadsPath(paperId), { method: 'POST', body: request });
}

export function replyToThread(paperId: string, threadId: string, body: string): Promise<Thread> {
  return apiFetch<Thread>(`${threadPath(paperId, threadId)}/replies`, {
    method: 'POST',
    body: { body },
  });
}

/** The author changes their own open thread. */
export function editThread(
  paperId: string,
  threadId: string,
  changes: EditThreadRequest,
): Promise<Thread> {
  return apiFetch<Thread>(threadPath(paperId, threadId), { method: 'PATCH', body: changes });
}

/** The author withdraws their own open thread (it stays, as `withdrawn`). */
export function withdrawThread(paperId: string, threadId: string): Promise<Thread> {
  return apiFetch<Thread>(threadPath(paperId, threadId), { method: 'DELETE' });
}

/**
 * An editor's disposition. Accepting a suggestion applies it to the text; 409 with an
 * explanation when the anchored text changed since.
 */
export function disposeThread(
  paperId: string,
  threadId: string,
  status: Disposition,
  rationale: string,
): Promise<Thread> {
  return apiFetch<Thread>(`${threadPath(paperId, threadId)}/disposition`, {
    method: 'POST',
    body: { status, rationale },
  });
}

/** The caller's municipality's position on a block, or on `paper`. */
export function setPosition(
  paperId: string,
  blockId: string,
  request: PositionRequest,
): Promise<Position> {
  return apiFetch<Position>(
    `/api/papers/${encodeURIComponent(paperId)}/positions/${encodeURIComponent(blockId)}`,
    { method: 'PUT', body: request },
  );
}
