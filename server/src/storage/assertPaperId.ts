/** What a paper id looks like; it becomes a directory name, so nothing else may pass. */
export const PAPER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Throws unless `paperId` is safe to use as a path segment. */
export function assertPaperId(paperId: string): void {
  if (!PAPER_ID_PATTERN.test(paperId)) {
    throw new Error(`Invalid paper id: ${JSON.stringify(paperId.slice(0, 80))}`);
  }
}
