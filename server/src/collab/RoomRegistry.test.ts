import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { DocName } from '@standpunt/shared';
import { DEFAULT_CONFIG } from '../config.js';
import type { DocumentStore, PaperState, StoredPaper } from '../storage/DocumentStore.js';
import type { PaperConfig } from './LoadedPaper.js';
import { AwarenessSweeper } from './AwarenessSweeper.js';
import { RoomRegistry } from './RoomRegistry.js';

/** A store in memory that counts what is asked of it. */
class MemoryStore implements DocumentStore {
  readonly papers = new Map<string, StoredPaper>();
  loads = 0;
  compactions = 0;
  appends = 0;

  async load(paperId: string): Promise<StoredPaper | null> {
    this.loads++;
    await Promise.resolve(); // answer later, as a real store does
    const paper = this.papers.get(paperId);
    return paper ? { content: [...paper.content], threads: [...paper.threads] } : null;
  }

  append(paperId: string, doc: DocName, update: Uint8Array): void {
    this.appends++;
    const paper = this.papers.get(paperId) ?? { content: [], threads: [] };
    paper[doc].push(update);
    this.papers.set(paperId, paper);
  }

  async compact(paperId: string, state: PaperState): Promise<void> {
    this.compactions++;
    await Promise.resolve();
    this.papers.set(paperId, { content: [state.content], threads: [state.threads] });
  }

  async close(): Promise<void> {}
}

const config: PaperConfig = { ...DEFAULT_CONFIG, log: () => {} };

/**
 * A paragraph at the start of the doc's fragment, as the editor would write it (the content
 * doc holds nothing else; the threads doc is written the same way here, it is all bytes to
 * the store).
 */
const write = (doc: Y.Doc, value: string) => {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(value)]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
};
const text = (doc: Y.Doc) =>
  doc
    .getXmlFragment('default')
    .toArray()
    .map((paragraph) => ((paragraph as Y.XmlElement).get(0) as Y.XmlText).toString())
    .join('');

describe('RoomRegistry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads a paper once for 50 connections arriving at the same moment', async () => {
    const store = new MemoryStore();
    const registry = new RoomRegistry({ store, config });
    const papers = await Promise.all(Array.from({ length: 50 }, () => registry.acquire('p1')));
    expect(store.loads).toBe(1);
    expect(registry.loads).toBe(1);
    expect(new Set(papers).size).toBe(1);
    await registry.closeAll();
  });

  it('keeps the paper while anyone holds it, and compacts it when the last one leaves', async () => {
    const store = new MemoryStore();
    const registry = new RoomRegistry({ store, config });
    const paper = await registry.acquire('p1');
    await registry.acquire('p1');
    paper.transact('content', 'test', (doc) => write(doc, 'blijft'));
    expect(store.appends).toBe(1);

    registry.release('p1');
    expect(registry.size).toBe(1);
    registry.release('p1');
    expect(registry.size).toBe(0);

    const again = await registry.acquire('p1');
    expect(store.compactions).toBe(1);
    expect(store.papers.get('p1')?.content).toHaveLength(1);
    expect(store.loads).toBe(2);
    expect(again).not.toBe(paper);
    expect(text(again.content.doc)).toBe('blijft');
    await registry.closeAll();
  });

  it('lets a connection arriving during the unload wait for it, then reload', async () => {
    const store = new MemoryStore();
    const registry = new RoomRegistry({ store, config });
    const paper = await registry.acquire('p1');
    paper.transact('threads', 'test', (doc) => write(doc, 'draad'));
    let compactionDone = false;
    const compact = store.compact.bind(store);
    store.compact = async (paperId, state) => {
      await compact(paperId, state);
      compactionDone = true;
    };

    registry.release('p1');
    const reloaded = await registry.acquire('p1');
    expect(compactionDone).toBe(true);
    expect(store.loads).toBe(2);
    expect(text(reloaded.threads.doc)).toBe('draad');
    await registry.closeAll();
  });

  it('does not compact on unload when nothing changed since loading a snapshot', async () => {
    const store = new MemoryStore();
    store.papers.set('p1', {
      content: [Y.encodeStateAsUpdate(new Y.Doc())],
      threads: [Y.encodeStateAsUpdate(new Y.Doc())],
    });
    const registry = new RoomRegistry({ store, config });
    await registry.acquire('p1');
    registry.release('p1');
    await registry.closeAll();
    expect(store.compactions).toBe(0);
  });

  it('forgets a failed load so the next connection tries again', async () => {
    const store = new MemoryStore();
    const load = store.load.bind(store);
    store.load = () => Promise.reject(new Error('unreadable'));
    const registry = new RoomRegistry({ store, config });
    await expect(registry.acquire('p1')).rejects.toThrow('unreadable');
    store.load = load;
    await expect(registry.acquire('p1')).resolves.toBeDefined();
    await registry.closeAll();
  });

  it('compacts after compactAfterUpdates updates', async () => {
    const store = new MemoryStore();
    const registry = new RoomRegistry({ store, config: { ...config, compactAfterUpdates: 3 } });
    const paper = await registry.acquire('p1');
    for (const word of ['een', 'twee'])
      paper.transact('content', 'test', (doc) => write(doc, word));
    await Promise.resolve();
    expect(store.compactions).toBe(0);
    paper.transact('content', 'test', (doc) => write(doc, 'drie'));
    await vi.waitFor(() => expect(store.compactions).toBe(1));
    await registry.closeAll();
  });

  it('compacts compactIntervalMs after the first uncompacted update', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = new MemoryStore();
    const registry = new RoomRegistry({ store, config: { ...config, compactIntervalMs: 1_000 } });
    const paper = await registry.acquire('p1');
    paper.transact('content', 'test', (doc) => write(doc, 'een'));
    await vi.advanceTimersByTimeAsync(999);
    expect(store.compactions).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    // Due now; it runs in the compaction queue's next turn of the event loop (real).
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.compactions).toBe(1);
    await registry.closeAll();
  });

  it("makes a paper's threads room only when it is used, and keeps its stored state meanwhile", async () => {
    const store = new MemoryStore();
    const threads = new Y.Doc();
    threads.getMap('threads').set('t1', { body: 'Waarom?' });
    const content = new Y.Doc();
    write(content, 'tekst');
    store.papers.set('p1', {
      content: [Y.encodeStateAsUpdate(content)],
      threads: [Y.encodeStateAsUpdate(threads)],
    });
    const sweeper = new AwarenessSweeper(30_000);
    const roomsMade = vi.spyOn(sweeper, 'add');
    const registry = new RoomRegistry({ store, config, sweeper });

    const paper = await registry.acquire('p1');
    expect(roomsMade).toHaveBeenCalledTimes(1); // the content room only
    write(paper.content.doc, 'meer ');
    paper.content.flush();
    await paper.compact();
    const kept = new Y.Doc();
    for (const update of store.papers.get('p1')?.threads ?? []) Y.applyUpdate(kept, update);
    expect(kept.getMap('threads').get('t1')).toEqual({ body: 'Waarom?' });

    expect(paper.threads.doc.getMap('threads').get('t1')).toEqual({ body: 'Waarom?' });
    expect(roomsMade).toHaveBeenCalledTimes(2);
    registry.release('p1');
    await registry.closeAll();
    sweeper.stop();
  });
});
