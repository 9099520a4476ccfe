import type { Draft } from '@standpunt/shared';

/**
 * Where frozen drafts are kept: written once, never replaced. Every load checks the draft's
 * hash, so a changed or damaged draft is an error and never served as if it were the original.
 */
export interface DraftStore {
  /** Stores a new draft; rejects with {@link DraftExistsError} when its number is taken. */
  save(draft: Draft): Promise<void>;
  /** The draft, verified; null when there is none; {@link DraftIntegrityError} when damaged. */
  load(paperId: string, number: number): Promise<Draft | null>;
  /** The numbers of the paper's drafts, ascending (not verified: nothing is read). */
  list(paperId: string): Promise<number[]>;
}

export class DraftExistsError extends Error {
  constructor(
    readonly paperId: string,
    readonly number: number,
  ) {
    super(`Draft ${number} of paper ${paperId} exists already`);
  }
}

/** A stored draft that is not what was frozen: its hash, paper or number does not match. */
export class DraftIntegrityError extends Error {
  constructor(
    readonly paperId: string,
    readonly number: number,
    readonly reason: string,
  ) {
    super(`Draft ${number} of paper ${paperId} failed verification: ${reason}`);
  }
}
