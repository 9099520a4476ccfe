/**
 * Frozen drafts over PostgreSQL, one row each. The row holds the draft as the very text the
 * file store writes, and is checked on every load as a file is: its hash, its paper and its
 * number — and against the hash recorded beside it when it was saved.
 */
import type { Kysely } from 'kysely';
import type { Draft } from '@standpunt/shared';
import { draftHash } from '../../drafts/draftHash.js';
import { assertPaperId } from '../assertPaperId.js';
import { BACKUP_HINT } from '../DamagedFileError.js';
import { DraftExistsError, DraftIntegrityError, type DraftStore } from '../DraftStore.js';
import type { Database } from './database.js';
import { isUniqueViolation } from './pgErrors.js';

export class PgDraftStore implements DraftStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async save(draft: Draft): Promise<void> {
    assertPaperId(draft.paperId);
    try {
      // The primary key (paper, number) makes the insert fail when the number is taken: a
      // draft is never replaced, and of two saves at once exactly one wins.
      await this.#db
        .insertInto('drafts')
        .values({
          paper_id: draft.paperId,
          number: draft.number,
          body: `${JSON.stringify(draft, null, 2)}\n`,
          sha256: draft.sha256,
          created_at: new Date().toISOString(),
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DraftExistsError(draft.paperId, draft.number);
      throw error;
    }
  }

  async load(paperId: string, number: number): Promise<Draft | null> {
    assertPaperId(paperId);
    const row = await this.#db
      .selectFrom('drafts')
      .select(['body', 'sha256'])
      .where('paper_id', '=', paperId)
      .where('number', '=', number)
      .executeTakeFirst();
    if (!row) return null;
    // A draft is written once, so the only good copy of a damaged one is in a backup.
    const damaged = (problem: string) =>
      new DraftIntegrityError(
        paperId,
        number,
        `its row in the drafts table ${problem}; restore it from ${BACKUP_HINT}`,
      );
    let draft: Draft;
    try {
      draft = JSON.parse(row.body) as Draft;
    } catch {
      throw damaged('is not valid JSON');
    }
    if (typeof draft !== 'object' || draft === null || typeof draft.sha256 !== 'string') {
      throw damaged('holds no hash');
    }
    const actual = draftHash(draft);
    if (actual !== draft.sha256) {
      throw damaged(`has sha256 ${actual}, recorded ${draft.sha256}`);
    }
    // A valid draft of another paper or number copied over this one is still not this draft.
    if (draft.paperId !== paperId || draft.number !== number) {
      throw damaged('names another paper or number');
    }
    // A body rewritten along with its own hash still differs from the hash saved beside it.
    if (draft.sha256 !== row.sha256) {
      throw damaged(`has sha256 ${actual}, saved with ${row.sha256}`);
    }
    return draft;
  }

  async list(paperId: string): Promise<number[]> {
    assertPaperId(paperId);
    const rows = await this.#db
      .selectFrom('drafts')
      .select('number')
      .where('paper_id', '=', paperId)
      .orderBy('number')
      .execute();
    return rows.map((row) => row.number);
  }
}
