/**
 * The document store over PostgreSQL: per paper and doc one snapshot row (`doc_snapshots`)
 * and the updates logged since (`doc_updates`, in id order).
 *
 * Several server processes may write to one paper's log. A compaction therefore deletes only
 * the log rows whose updates its state is known to hold: the ids this store appended or
 * loaded for the paper before the call. A row another process logged meanwhile is not among
 * them and stays — also one with a lower id, which an `id <= max` rule would delete, since ids
 * are handed out before commit and so do not commit in order.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import * as Y from 'yjs';
import { DOC_NAMES, type DocName } from '@standpunt/shared';
import { assertPaperId } from '../assertPaperId.js';
import type { DocumentStore, PaperState, StoredPaper } from '../DocumentStore.js';
import { toBytea, type Database } from './database.js';
import { PendingWrites } from './PendingWrites.js';

/** What the store keeps about one paper while it has log rows to account for. */
interface PaperLog {
  /** Log rows this store appended or loaded, which the next compaction may delete. */
  held: Set<string>;
  /** Appends sent and not yet answered: their ids are not known yet. */
  appending: number;
  /** Compactions of one paper run one after the other. */
  compacting: Promise<void>;
  pendingCompactions: number;
}

interface StoredRow {
  doc: string;
  bytes: Buffer;
  /** The log row's id; null for a snapshot. */
  id: string | null;
}

export class PgDocumentStore implements DocumentStore {
  readonly #db: Kysely<Database>;
  readonly #papers = new Map<string, PaperLog>();
  readonly #writes = new PendingWrites();
  /**
   * Per `paperId/doc`, the sha256 of the snapshot this store last read or wrote: a stored
   * snapshot that still is that one needs no merging (see #compact), as the doc holds it.
   */
  readonly #snapshotsSeen = new Map<string, string>();
  #closed = false;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Papers the store keeps log ids for; a paper with none outstanding is let go. */
  get papersOpen(): number {
    return this.#papers.size;
  }

  async load(paperId: string): Promise<StoredPaper | null> {
    assertPaperId(paperId);
    // One statement reads from one snapshot of the database: a compaction committing
    // meanwhile (here or in another process) is seen whole or not at all, so nothing is
    // missed or read twice.
    const { rows } = await sql<StoredRow>`
      select doc, state as bytes, null::bigint as id
        from doc_snapshots where paper_id = ${paperId}
      union all
      select doc, update as bytes, id
        from doc_updates where paper_id = ${paperId}
      order by id nulls first`.execute(this.#db);
    if (rows.length === 0) return null;
    const stored: StoredPaper = { content: [], threads: [] };
    const loadedIds: string[] = [];
    for (const row of rows) {
      const doc = asDocName(row.doc);
      stored[doc].push(new Uint8Array(row.bytes));
      if (row.id !== null) loadedIds.push(row.id);
      else this.#sawSnapshot(paperId, doc, row.bytes);
    }
    if (loadedIds.length > 0) {
      const paper = this.#paper(paperId);
      for (const id of loadedIds) paper.held.add(id);
    }
    return stored;
  }

  /** Resolves once the row is committed (`synchronous_commit` on: on disk at the server). */
  append(paperId: string, doc: DocName, update: Uint8Array): Promise<void> {
    // Thrown, not rejected, as the file store does: these are mistakes of the caller.
    if (this.#closed) throw new Error('The document store is closed');
    assertPaperId(paperId);
    const paper = this.#paper(paperId);
    paper.appending++;
    const insert = this.#db
      .insertInto('doc_updates')
      .values({ paper_id: paperId, doc, update: toBytea(update) })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then(({ id }) => {
        paper.held.add(id);
      })
      .finally(() => {
        paper.appending--;
        this.#forgetIfIdle(paperId, paper);
      });
    return this.#writes.track(insert);
  }

  async compact(paperId: string, state: PaperState): Promise<void> {
    if (this.#closed) throw new Error('The document store is closed');
    assertPaperId(paperId);
    const paper = this.#paper(paperId);
    // `state` holds what was appended or loaded before this call; rows whose ids arrive
    // later (also while earlier compactions run) are left to the next compaction.
    const covered = [...paper.held];
    paper.pendingCompactions++;
    const run = paper.compacting.then(() => this.#compact(paperId, state, covered));
    // The chain goes on after a failed compaction; the caller still sees the failure.
    paper.compacting = run.catch(() => undefined);
    try {
      await this.#writes.track(run);
      for (const id of covered) paper.held.delete(id);
    } finally {
      paper.pendingCompactions--;
      this.#forgetIfIdle(paperId, paper);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#writes.settled();
  }

  /**
   * Both snapshots and the deletion of the covered rows commit together, or neither does.
   *
   * The new snapshot is merged with the one stored: another process may have compacted
   * meanwhile, folding in updates (and deleting their log rows) that `state` does not hold —
   * for instance ones it could not hear of while Redis was away. Merging Yjs states keeps
   * everything both hold, so no compaction can undo another's. The row lock makes concurrent
   * compactions of one paper take turns.
   */
  async #compact(paperId: string, state: PaperState, covered: string[]): Promise<void> {
    let merged: PaperState = state;
    await this.#db.transaction().execute(async (trx) => {
      const stored = await trx
        .selectFrom('doc_snapshots')
        .select(['doc', 'state'])
        .where('paper_id', '=', paperId)
        .forUpdate()
        .execute();
      merged = { ...state };
      for (const row of stored) {
        const doc = asDocName(row.doc);
        if (this.#snapshotsSeen.get(`${paperId}/${doc}`) === sha256(row.state)) continue;
        merged[doc] = Y.mergeUpdates([new Uint8Array(row.state), state[doc]]);
      }
      await trx
        .insertInto('doc_snapshots')
        .values(DOC_NAMES.map((doc) => ({ paper_id: paperId, doc, state: toBytea(merged[doc]) })))
        .onConflict((conflict) =>
          conflict
            .columns(['paper_id', 'doc'])
            .doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })),
        )
        .execute();
      if (covered.length > 0) {
        // One array parameter, however many rows: `in (...)` would take one per id.
        await trx
          .deleteFrom('doc_updates')
          .where('paper_id', '=', paperId)
          .where(sql<boolean>`id = any(${covered}::bigint[])`)
          .execute();
      }
    });
    for (const doc of DOC_NAMES) {
      // A merged snapshot holds what the doc here may not: the next compaction merges again.
      if (merged[doc] === state[doc]) this.#sawSnapshot(paperId, doc, state[doc]);
      else this.#snapshotsSeen.delete(`${paperId}/${doc}`);
    }
  }

  #sawSnapshot(paperId: string, doc: DocName, bytes: Uint8Array): void {
    const key = `${paperId}/${doc}`;
    this.#snapshotsSeen.delete(key); // to the end of the insertion order: the newest
    this.#snapshotsSeen.set(key, sha256(bytes));
    if (this.#snapshotsSeen.size > MAX_SNAPSHOTS_SEEN) {
      const oldest = this.#snapshotsSeen.keys().next();
      if (!oldest.done) this.#snapshotsSeen.delete(oldest.value);
    }
  }

  #paper(paperId: string): PaperLog {
    let paper = this.#papers.get(paperId);
    if (!paper) {
      paper = {
        held: new Set(),
        appending: 0,
        compacting: Promise.resolve(),
        pendingCompactions: 0,
      };
      this.#papers.set(paperId, paper);
    }
    return paper;
  }

  /** Over months a server touches many thousands of papers; it keeps only those in use. */
  #forgetIfIdle(paperId: string, paper: PaperLog): void {
    if (paper.held.size === 0 && paper.appending === 0 && paper.pendingCompactions === 0) {
      // Only the current entry: a forgotten one is never taken up again.
      if (this.#papers.get(paperId) === paper) this.#papers.delete(paperId);
    }
  }
}

/** How many snapshots' hashes are kept; beyond, the oldest go (and merge once more). */
const MAX_SNAPSHOTS_SEEN = 10_000;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

function asDocName(doc: string): DocName {
  if (!(DOC_NAMES as readonly string[]).includes(doc)) {
    throw new Error(`The database holds an update of an unknown doc "${doc}"`);
  }
  return doc as DocName;
}
