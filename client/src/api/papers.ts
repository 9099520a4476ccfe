import type { CreatePaperRequest, PaperSummary } from '@standpunt/shared';
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
