/**
 * What the PostgreSQL stores promise beyond the contracts (contracts/stores.test.ts): the
 * cases that only arise with a database several processes share.
 */
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestDatabase, type TestDatabase } from '../../../test/testDatabase.js';
import { makeDraft } from '../contracts/draftStoreContract.js';
import { DraftIntegrityError } from '../DraftStore.js';
import { draftHash } from '../../drafts/draftHash.js';
import { createDatabase, type Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import { PgDocumentStore } from './PgDocumentStore.js';
import { PgDraftStore } from './PgDraftStore.js';
import { PgMetaStore } from './PgMetaStore.js';

let database: TestDatabase | undefined;
let handle: Kysely<Database> | undefined;

/** The migrated database of this file, shared by its tests (they use ids of their own). */
function db(): Kysely<Database> {
  if (!handle) throw new Error('The test database is not open');
  return handle;
}

beforeAll(async () => {
  database = await createTestDatabase();
  handle = createDatabase(database.url);
  await migrateToLatest(handle);
});
afterAll(async () => {
  await handle?.destroy();
  await database?.drop();
});

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

function edit(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | undefined;
  doc.once('update', (each: Uint8Array) => (update = each));
  doc.getText('t').insert(doc.getText('t').length, text);
  return update!;
}

const stateOf = (content: Y.Doc) => ({
  content: Y.encodeStateAsUpdate(content),
  threads: Y.encodeStateAsUpdate(new Y.Doc()),
});

describe('PgDocumentStore', () => {
  let store: PgDocumentStore;
  beforeEach(() => {
    store = new PgDocumentStore(db());
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps an update that got a lower id but committed after this store loaded', async () => {
    // Another process's append, numbered first but committed last: `id <= max loaded` would
    // count it as compacted, and lose it.
    const other = new pg.Client({ connectionString: database!.url });
    await other.connect();
    try {
      const theirs = new Y.Doc();
      await other.query('begin');
      await other.query(
        `insert into doc_updates (paper_id, doc, update) values ('late', 'content', $1)`,
        [Buffer.from(edit(theirs, 'hun '))],
      );

      const mine = new Y.Doc();
      await store.append('late', 'content', edit(mine, 'mijn'));
      expect(textOf((await store.load('late'))!.content)).toBe('mijn');
      await other.query('commit');

      await store.compact('late', stateOf(mine));
      const stored = (await store.load('late'))!;
      expect(stored.content).toHaveLength(2);
      expect(textOf(stored.content)).toContain('hun ');
      expect(textOf(stored.content)).toContain('mijn');
    } finally {
      await other.end();
    }
  });

  it('lets go of a paper once nothing of it is outstanding', async () => {
    const doc = new Y.Doc();
    await store.append('idle', 'content', edit(doc, 'een'));
    expect(store.papersOpen).toBe(1);
    await store.compact('idle', stateOf(doc));
    expect(store.papersOpen).toBe(0);

    // A paper with nothing in its log leaves nothing behind when read, either.
    await store.load('idle');
    expect(store.papersOpen).toBe(0);
    await store.append('idle', 'content', edit(doc, ' twee'));
    expect(store.papersOpen).toBe(1);
    expect(textOf((await store.load('idle'))!.content)).toBe('een twee');
  });

  it('never lets one process’s compaction undo what another folded into the snapshot', async () => {
    // Two processes with a paper open; the second never heard of the first's edit (Redis
    // was away), and compacts after the first did: its state lacks "hun ".
    const other = new PgDocumentStore(db());
    try {
      const base = new Y.Doc();
      await store.compact('both', stateOf(base));
      await other.load('both');
      const theirs = new Y.Doc();
      Y.applyUpdate(theirs, Y.encodeStateAsUpdate(base));
      await other.append('both', 'content', edit(theirs, 'hun '));
      await other.compact('both', stateOf(theirs));

      const mine = new Y.Doc();
      Y.applyUpdate(mine, Y.encodeStateAsUpdate(base));
      await store.append('both', 'content', edit(mine, 'mijn'));
      await store.compact('both', stateOf(mine));

      const stored = (await new PgDocumentStore(db()).load('both'))!;
      expect(stored.content).toHaveLength(1); // the snapshot alone: both logs were folded in
      expect(textOf(stored.content)).toContain('hun ');
      expect(textOf(stored.content)).toContain('mijn');
      // Once the doc here holds the snapshot, the next compaction writes its state as is.
      const again = new Y.Doc();
      for (const update of stored.content) Y.applyUpdate(again, update);
      await store.load('both');
      await store.compact('both', stateOf(again));
      const [snapshot] = (await store.load('both'))!.content;
      expect(Buffer.from(snapshot!)).toEqual(Buffer.from(stateOf(again).content));
    } finally {
      await other.close();
    }
  });

  it('fails an append the database refuses, and forgets it', async () => {
    // The schema knows two docs only.
    await expect(
      store.append('bad', 'comments' as 'content', new Uint8Array([1])),
    ).rejects.toThrow();
    expect(store.papersOpen).toBe(0);
  });
});

describe('PgDraftStore', () => {
  it('refuses a draft rewritten together with its own hash', async () => {
    const drafts = new PgDraftStore(db());
    await drafts.save(makeDraft('rehashed', 1));
    const { sha256: _old, ...forged } = { ...makeDraft('rehashed', 1), title: 'Vervalst' };
    const body = `${JSON.stringify({ ...forged, sha256: draftHash(forged) }, null, 2)}\n`;
    await db().updateTable('drafts').set({ body }).where('paper_id', '=', 'rehashed').execute();

    const load = drafts.load('rehashed', 1);
    await expect(load).rejects.toBeInstanceOf(DraftIntegrityError);
    await expect(load).rejects.toThrow(/saved with/);
  });
});

describe('PgMetaStore', () => {
  it('adds a paper and its creator’s membership together or not at all', async () => {
    const meta = new PgMetaStore(db());
    const paper = {
      id: 'orphan',
      title: 'Wees',
      theme: 'Beheer',
      phase: 'concept' as const,
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'nobody',
      updatedAt: '2026-01-01T00:00:00.000Z',
      closesAt: null,
    };
    // No such account: the membership is refused, and with it the paper.
    await expect(
      meta.addPaper(paper, { paperId: 'orphan', userId: 'nobody', role: 'editor' }),
    ).rejects.toThrow(/foreign key/);
    expect(await meta.findPaper('orphan')).toBeUndefined();
  });
});
