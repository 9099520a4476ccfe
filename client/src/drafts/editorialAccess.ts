import type { PaperSummary } from '@standpunt/shared';

/**
 * True for the paper's editors and admins, in every phase: they may download the reactienota
 * and the archive even once the paper is closed (the server's `editorialPaper`).
 */
export function isEditorial(admin: boolean, paper: Pick<PaperSummary, 'myRole'>): boolean {
  return admin || paper.myRole === 'editor';
}
