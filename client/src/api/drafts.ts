import type {
  Draft,
  DraftComparison,
  DraftExportFormat,
  DraftSummary,
  ReactienotaFormat,
  VersionRef,
} from '@standpunt/shared';
import { apiFetch } from './apiFetch';

const paperPath = (paperId: string) => `/api/papers/${encodeURIComponent(paperId)}`;
const draftsPath = (paperId: string) => `${paperPath(paperId)}/drafts`;

/** The paper's drafts, oldest first, without their content. */
export function fetchDrafts(paperId: string, signal?: AbortSignal): Promise<DraftSummary[]> {
  return apiFetch<DraftSummary[]>(draftsPath(paperId), signal ? { signal } : {});
}

/** The whole frozen draft: content, numbering and hash. 404 for a draft that does not exist. */
export function fetchDraft(paperId: string, number: number, signal?: AbortSignal): Promise<Draft> {
  return apiFetch<Draft>(`${draftsPath(paperId)}/${number}`, signal ? { signal } : {});
}

/** Freezes the live text as the next draft (editors and admins); answers with its summary. */
export function freezeDraft(paperId: string, label: string): Promise<DraftSummary> {
  return apiFetch<DraftSummary>(draftsPath(paperId), { method: 'POST', body: { label } });
}

/** Draft `from` compared with draft `to`, or with the live text. */
export function fetchComparison(
  paperId: string,
  from: number,
  to: VersionRef,
  signal?: AbortSignal,
): Promise<DraftComparison> {
  return apiFetch<DraftComparison>(
    `${draftsPath(paperId)}/${from}/compare/${to}`,
    signal ? { signal } : {},
  );
}

/** Where a draft's export is downloaded (a plain link: the server names the file). */
export function draftExportPath(
  paperId: string,
  number: number,
  format: DraftExportFormat,
): string {
  return `${draftsPath(paperId)}/${number}/export?format=${format}`;
}

/** Where the reactienota is downloaded (editors and admins, once there is a draft). */
export function reactienotaPath(paperId: string, format: ReactienotaFormat): string {
  return `${paperPath(paperId)}/reactienota?format=${format}`;
}

/** Where the paper's archive (ZIP) is downloaded (editors and admins). */
export function archivePath(paperId: string): string {
  return `${paperPath(paperId)}/archive`;
}
