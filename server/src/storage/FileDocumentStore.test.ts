import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FileDocumentStore } from './FileDocumentStore.js';
import type { StoredPaper } from './DocumentStore.js';

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

const emptyState = () => Y.encodeStateAsUpdate(new Y.Doc());

describe('FileDocumentStore', () => {
  let dataDir: string;
  let store: FileDocumentStore;

  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-store-'));
    store = new FileDocumentStore(dataDir);
  });
  afterEach(async () => {
    await store.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const logPath = (id: string) => path.join(dataDir, 'papers', id, 'updates.log');

  it('returns null for a paper with nothing stored', async () => {
    expect(await store.load('p1')).toBeNull();
  });

  it('loads appended updates in order, per doc, also from a new store on the same dir', async () => {
    const content = new Y.Doc();
    const threads = new Y.Doc();
    for (const update of edits(content, 'Hallo', ' wereld')) store.append('p1', 'content', update);
    for (const update of edits(threads, 'draad')) store.append('p1', 'threads', update);

    const again = new FileDocumentStore(dataDir);
    const stored = (await again.load('p1')) as StoredPaper;
    await again.close();
    expect(stored.content).toHaveLength(2);
    expect(textOf(stored.content)).toBe('Hallo wereld');
    expect(textOf(stored.threads)).toBe('draad');
  });

  it('compaction writes the snapshot and empties the log', async () => {
    const doc = new Y.Doc();
    for (const update of edits(doc, 'a', 'b', 'c')) store.append('p1', 'content', update);
    await store.compact('p1', { content: Y.encodeStateAsUpdate(doc), threads: emptyState() });

    expect(await fs.readFile(logPath('p1'), 'utf8')).toBe('');
    const snapshot = JSON.parse(
      await fs.readFile(path.join(dataDir, 'papers', 'p1', 'snapshot.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(Object.keys(snapshot).sort()).toEqual(['compactedAt', 'content', 'threads']);
    const stored = (await store.load('p1')) as StoredPaper;
    expect(stored.content).toHaveLength(1);
    expect(textOf(stored.content)).toBe('abc');
  });

  it('creates a paper from compact alone', async () => {
    const doc = new Y.Doc();
    edits(doc, 'begin');
    await store.compact('new', { content: Y.encodeStateAsUpdate(doc), threads: emptyState() });
    expect(textOf((await store.load('new'))!.content)).toBe('begin');
  });

  it('keeps updates appended while the snapshot is being written', async () => {
    const doc = new Y.Doc();
    for (const update of edits(doc, 'a')) store.append('p1', 'content', update);
    const compaction = store.compact('p1', {
      content: Y.encodeStateAsUpdate(doc),
      threads: emptyState(),
    });
    for (const update of edits(doc, 'b')) store.append('p1', 'content', update);
    await compaction;

    expect((await fs.readFile(logPath('p1'), 'utf8')).trim().split('\n')).toHaveLength(1);
    expect(textOf((await store.load('p1'))!.content)).toBe('ab');
    for (const update of edits(doc, 'c')) store.append('p1', 'content', update);
    expect(textOf((await store.load('p1'))!.content)).toBe('abc');
  });

  it('skips a torn last line (a crash mid-write) and appends cleanly after it', async () => {
    const doc = new Y.Doc();
    for (const update of edits(doc, 'x', 'y')) store.append('p1', 'content', update);
    await store.close();
    await fs.appendFile(logPath('p1'), '{"doc":"content","upd');

    store = new FileDocumentStore(dataDir);
    expect(textOf((await store.load('p1'))!.content)).toBe('xy');
    for (const update of edits(doc, 'z')) store.append('p1', 'content', update);
    expect(textOf((await store.load('p1'))!.content)).toBe('xyz');
  });

  it('refuses a log damaged before its last line, naming the file', async () => {
    const doc = new Y.Doc();
    for (const update of edits(doc, 'x')) store.append('p1', 'content', update);
    await store.close();
    const text = await fs.readFile(logPath('p1'), 'utf8');
    await fs.writeFile(logPath('p1'), `garbage\n${text}`);

    store = new FileDocumentStore(dataDir);
    await expect(store.load('p1')).rejects.toThrow(logPath('p1'));
  });

  it.each(['', '../etc', 'a/b', 'a'.repeat(65), 'p.1', 'ü'])('refuses paper id %j', async (id) => {
    await expect(store.load(id)).rejects.toThrow(/Invalid paper id/);
    expect(() => store.append(id, 'content', emptyState())).toThrow(/Invalid paper id/);
    await expect(
      store.compact(id, { content: emptyState(), threads: emptyState() }),
    ).rejects.toThrow(/Invalid paper id/);
  });

  it('lets go of a paper once it is idle, and takes it up again on the next write', async () => {
    const doc = new Y.Doc();
    const [first, second] = edits(doc, 'Eén', ' twee');
    await store.load('p1');
    expect(store.papersOpen).toBe(0);

    store.append('p1', 'content', first!);
    expect(store.papersOpen).toBe(1);
    await store.compact('p1', { content: Y.encodeStateAsUpdate(doc), threads: emptyState() });
    expect(store.papersOpen).toBe(0);

    store.append('p1', 'content', second!);
    expect(store.papersOpen).toBe(1);
    const stored = (await store.load('p1')) as StoredPaper;
    expect(textOf(stored.content)).toBe('Eén twee');
    expect((await fs.readFile(logPath('p1'), 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('keeps papers independent: compacting one leaves the other untouched', async () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    for (const update of edits(one, 'een')) store.append('one', 'content', update);
    for (const update of edits(two, 'twee')) store.append('two', 'content', update);
    const twoLogBefore = await fs.stat(logPath('two'));

    await store.compact('one', { content: Y.encodeStateAsUpdate(one), threads: emptyState() });

    const twoLogAfter = await fs.stat(logPath('two'));
    expect(twoLogAfter.size).toBe(twoLogBefore.size);
    expect(twoLogAfter.mtimeMs).toBe(twoLogBefore.mtimeMs);
    await expect(fs.stat(path.join(dataDir, 'papers', 'two', 'snapshot.json'))).rejects.toThrow();
    expect(textOf((await store.load('one'))!.content)).toBe('een');
    expect(textOf((await store.load('two'))!.content)).toBe('twee');
  });
});
