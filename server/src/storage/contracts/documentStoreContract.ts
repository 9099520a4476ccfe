/**
 * What every DocumentStore does, whichever backend keeps the docs: the promises of the
 * interface's doc comments (order, compaction, durability on close), as tests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore, PaperState, StoredPaper } from '../DocumentStore.js';
import { OpenStores, type OpenStore } from './StoreUnderTest.js';

export interface DocumentStoreExtras {
  /**
   * Another store on the same data, as another server process would have; only for backends
   * that several processes may write to at once. The suite closes it.
   */
  openOtherWriter?: () => Promise<DocumentStore>;
}

export interface DocumentStoreContractOptions {
  /**
   * Whether several processes may write to the same data at once (PostgreSQL): then every
   * store opened must come with `openOtherWriter`. The file store's data directory is held
   * by one process alone (its lock file), so it has no such tests.
   */
  otherWriters: boolean;
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

/** Edits a doc and returns each edit's update, as a room would log them. */
function edits(doc: Y.Doc, ...texts: string[]): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array) => updates.push(update);
  doc.on('update', onUpdate);
  for (const text of texts) doc.getText('t').insert(doc.getText('t').length, text);
  doc.off('update', onUpdate);
  return updates;
}

function stateOf(content: Y.Doc, threads: Y.Doc = new Y.Doc()): PaperState {
  return { content: Y.encodeStateAsUpdate(content), threads: Y.encodeStateAsUpdate(threads) };
}

/** Bytes as plain arrays: equal whichever kind of Uint8Array a backend hands out. */
const plain = (stored: StoredPaper | null) =>
  stored && {
    content: stored.content.map((update) => [...update]),
    threads: stored.threads.map((update) => [...update]),
  };

const expectStored = (stored: StoredPaper | null, expected: StoredPaper) =>
  expect(plain(stored)).toStrictEqual(plain(expected));

const INVALID_PAPER_IDS = ['', '../etc', 'a/b', 'a'.repeat(65), 'p.1', 'ü'];

export function describeDocumentStoreContract(
  backend: string,
  open: OpenStore<DocumentStore, DocumentStoreExtras>,
  { otherWriters }: DocumentStoreContractOptions,
): void {
  describe(`DocumentStore contract (${backend})`, () => {
    let reopen: () => Promise<DocumentStore>;
    let cleanup: () => Promise<void>;
    let openOtherWriter: DocumentStoreExtras['openOtherWriter'];
    let store: DocumentStore;
    const stores = new OpenStores<DocumentStore>();

    beforeEach(async () => {
      const opened = await open();
      ({ reopen, cleanup, openOtherWriter } = opened);
      store = stores.add(opened.store);
    });
    afterEach(async () => {
      await stores.closeAll();
      await cleanup();
    });

    /** Appends each update, one after the other once each is durable, as a room does. */
    async function appendAll(
      target: DocumentStore,
      paperId: string,
      doc: 'content' | 'threads',
      updates: Uint8Array[],
    ): Promise<void> {
      for (const update of updates) await target.append(paperId, doc, update);
    }

    async function restart(): Promise<DocumentStore> {
      await stores.close(store);
      store = stores.add(await reopen());
      return store;
    }

    it('loads null for a paper with nothing stored', async () => {
      expect(await store.load('p1')).toBeNull();
    });

    it('loads appended updates per doc, in the order appended', async () => {
      const [content, threads] = [new Y.Doc(), new Y.Doc()];
      const contentUpdates = edits(content, 'Hallo', ' wereld', '!');
      const threadUpdates = edits(threads, 'draad', ' twee');
      // Interleaved, as two rooms of one paper write.
      await store.append('p1', 'content', contentUpdates[0]!);
      await store.append('p1', 'threads', threadUpdates[0]!);
      await store.append('p1', 'content', contentUpdates[1]!);
      await store.append('p1', 'threads', threadUpdates[1]!);
      await store.append('p1', 'content', contentUpdates[2]!);

      const stored = await store.load('p1');
      expectStored(stored, { content: contentUpdates, threads: threadUpdates });
      expect(textOf(stored!.content)).toBe('Hallo wereld!');
    });

    it('loads a doc with nothing stored as no updates', async () => {
      const updates = edits(new Y.Doc(), 'alleen inhoud');
      await appendAll(store, 'p1', 'content', updates);
      expectStored(await store.load('p1'), { content: updates, threads: [] });
    });

    it('keeps the bytes of an update exactly', async () => {
      const bytes = new Uint8Array([0, 255, 10, 13, 0, 92, 34, 1]);
      // A view into a larger buffer, as updates often are.
      const view = new Uint8Array(new Uint8Array([7, 7, ...bytes, 7]).buffer, 2, bytes.length);
      await store.append('p1', 'threads', view);
      expectStored(await store.load('p1'), { content: [], threads: [bytes] });
    });

    it('replaces what is stored by the state on compaction', async () => {
      const content = new Y.Doc();
      const threads = new Y.Doc();
      await appendAll(store, 'p1', 'content', edits(content, 'a', 'b', 'c'));
      await appendAll(store, 'p1', 'threads', edits(threads, 'd'));
      const state = stateOf(content, threads);
      await store.compact('p1', state);

      const stored = await store.load('p1');
      expectStored(stored, { content: [state.content], threads: [state.threads] });
      expect(textOf(stored!.content)).toBe('abc');
      expect(textOf(stored!.threads)).toBe('d');
    });

    it('creates a paper from a compaction alone', async () => {
      const content = new Y.Doc();
      edits(content, 'begin');
      const state = stateOf(content);
      await store.compact('new', state);
      expectStored(await store.load('new'), { content: [state.content], threads: [state.threads] });
    });

    it('loads updates appended after a compaction after its snapshot', async () => {
      const content = new Y.Doc();
      await appendAll(store, 'p1', 'content', edits(content, 'a'));
      const state = stateOf(content);
      await store.compact('p1', state);
      const later = edits(content, 'b');
      await appendAll(store, 'p1', 'content', later);

      const stored = await store.load('p1');
      expectStored(stored, { content: [state.content, ...later], threads: [state.threads] });
      expect(textOf(stored!.content)).toBe('ab');
    });

    it('keeps updates appended while a compaction is under way', async () => {
      const content = new Y.Doc();
      await appendAll(store, 'p1', 'content', edits(content, 'a'));
      const state = stateOf(content);
      const compaction = store.compact('p1', state);
      const meanwhile = edits(content, 'b');
      await appendAll(store, 'p1', 'content', meanwhile);
      await compaction;

      const stored = await store.load('p1');
      expectStored(stored, { content: [state.content, ...meanwhile], threads: [state.threads] });
      expect(textOf(stored!.content)).toBe('ab');

      // The next compaction takes those up.
      const next = stateOf(content);
      await store.compact('p1', next);
      expectStored(await store.load('p1'), { content: [next.content], threads: [next.threads] });
    });

    it('forgets on compaction the updates it loaded, not only those it appended', async () => {
      const content = new Y.Doc();
      await appendAll(store, 'p1', 'content', edits(content, 'x', 'y'));
      await restart();

      const loaded = (await store.load('p1'))!;
      const doc = new Y.Doc();
      for (const update of loaded.content) Y.applyUpdate(doc, update);
      const state = stateOf(doc);
      await store.compact('p1', state);
      expectStored(await store.load('p1'), { content: [state.content], threads: [state.threads] });
    });

    it('runs compactions of one paper one after the other, the last one last', async () => {
      const content = new Y.Doc();
      await appendAll(store, 'p1', 'content', edits(content, 'een'));
      const first = stateOf(content);
      await appendAll(store, 'p1', 'content', edits(content, ' twee'));
      const second = stateOf(content);
      await Promise.all([store.compact('p1', first), store.compact('p1', second)]);

      const stored = await store.load('p1');
      expectStored(stored, { content: [second.content], threads: [second.threads] });
      expect(textOf(stored!.content)).toBe('een twee');
    });

    it('keeps papers apart', async () => {
      const [one, two] = [new Y.Doc(), new Y.Doc()];
      await appendAll(store, 'one', 'content', edits(one, 'een'));
      const twoUpdates = edits(two, 'twee');
      await appendAll(store, 'two', 'content', twoUpdates);
      const state = stateOf(one);
      await store.compact('one', state);

      expectStored(await store.load('one'), { content: [state.content], threads: [state.threads] });
      expectStored(await store.load('two'), { content: twoUpdates, threads: [] });
    });

    it('keeps everything over a restart', async () => {
      const content = new Y.Doc();
      await appendAll(store, 'p1', 'content', edits(content, 'a'));
      const state = stateOf(content);
      await store.compact('p1', state);
      const later = edits(content, 'b', 'c');
      await appendAll(store, 'p1', 'content', later);

      await restart();
      expectStored(await store.load('p1'), {
        content: [state.content, ...later],
        threads: [state.threads],
      });
    });

    it('waits in close for appends and compactions in progress', async () => {
      const content = new Y.Doc();
      const [first, second] = edits(content, 'a', 'b');
      const appended = store.append('p1', 'content', first!);
      const compaction = store.compact('p2', stateOf(content));
      await stores.close(store);
      await appended;
      await compaction;
      store = stores.add(await reopen());
      await store.append('p1', 'content', second!);
      expect(textOf((await store.load('p1'))!.content)).toBe('ab');
      expect(textOf((await store.load('p2'))!.content)).toBe('ab');
    });

    it('refuses writes once closed', async () => {
      await stores.close(store);
      expect(() => store.append('p1', 'content', new Uint8Array([0, 0]))).toThrow(/closed/);
      await expect(store.compact('p1', stateOf(new Y.Doc()))).rejects.toThrow(/closed/);
    });

    it.each(INVALID_PAPER_IDS)('refuses paper id %j', async (id) => {
      const empty = stateOf(new Y.Doc());
      await expect(store.load(id)).rejects.toThrow(/Invalid paper id/);
      expect(() => store.append(id, 'content', empty.content)).toThrow(/Invalid paper id/);
      await expect(store.compact(id, empty)).rejects.toThrow(/Invalid paper id/);
    });

    /** The other writer the backend provides; a backend that says it has one must. */
    async function otherWriter(): Promise<DocumentStore> {
      if (!openOtherWriter) throw new Error(`${backend} provides no second writer`);
      return stores.add(await openOtherWriter());
    }

    // Not registered at all (rather than skipped) for a backend held by one process alone.
    if (otherWriters) {
      describe('with another writer on the same data', () => {
        it('keeps an update another writer logged between this one’s load and compaction', async () => {
          const content = new Y.Doc();
          await appendAll(store, 'p1', 'content', edits(content, 'mijn'));
          const loaded = (await store.load('p1'))!;
          expect(textOf(loaded.content)).toBe('mijn');

          const other = await otherWriter();
          const theirs = new Y.Doc();
          Y.applyUpdate(theirs, Y.encodeStateAsUpdate(content));
          const theirUpdates = edits(theirs, ' en hun');
          await appendAll(other, 'p1', 'content', theirUpdates);

          // This writer's state does not hold the other's update: it must stay in the log.
          const state = stateOf(content);
          await store.compact('p1', state);
          const stored = await store.load('p1');
          expectStored(stored, {
            content: [state.content, ...theirUpdates],
            threads: [state.threads],
          });
          expect(textOf(stored!.content)).toBe('mijn en hun');

          // The other writer's own compaction, of a state holding both, leaves only that.
          Y.applyUpdate(theirs, Y.encodeStateAsUpdate(content));
          const theirState = stateOf(theirs);
          await other.compact('p1', theirState);
          expectStored(await store.load('p1'), {
            content: [theirState.content],
            threads: [theirState.threads],
          });
        });

        it('forgets an update another writer logged before this one loaded it', async () => {
          const other = await otherWriter();
          await appendAll(other, 'p1', 'content', edits(new Y.Doc(), 'eerder'));

          const doc = new Y.Doc();
          for (const update of (await store.load('p1'))!.content) Y.applyUpdate(doc, update);
          const state = stateOf(doc);
          await store.compact('p1', state);
          expectStored(await store.load('p1'), {
            content: [state.content],
            threads: [state.threads],
          });
        });
      });
    }
  });
}
