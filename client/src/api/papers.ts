import type { CreatePaperRequest, PaperSummary, PatchPaperRequest } from '@standpunt/shared';
import { apiFetch } from './apiFetch';

export function fetchPapers(signal?: AbortSignal): Promise<PaperSummary[]> {
  return apiFetch<PaperSummary[]>('/api/papers', signal ? { signal } : {});
}

export function fetchPaper(id: string, signal?: AbortSignal): Promise<PaperSummary> {
  return apiFetch<PaperSummary>(`/api/papers/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

export function createPaper(request: CreatePaperRequest): Promise<PaperSummary> {
  return apiFetch<PaperSummary>('/api/papers', { method: 'POST', body: request });
}

/** `PATCH /api/papers/:id`: title, phase (along the process only) or closing date. */
export function updatePaper(id: string, changes: PatchPaperRequest): Promise<PaperSummary> {
  return apiFetch<PaperSummary>(`/api/papers/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: changes,
  });
}
