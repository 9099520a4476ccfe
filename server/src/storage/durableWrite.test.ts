import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { AUDIT_FILE, FileAuditLog } from '../audit/FileAuditLog.js';
import { withDefaults } from '../config.js';
import { describeAuditLogContract } from './contracts/auditLogContract.js';
import { describeDocumentStoreContract } from './contracts/documentStoreContract.js';
import { describeDraftStoreContract, makeDraft } from './contracts/draftStoreContract.js';
import { describeMetaStoreContract } from './contracts/metaStoreContract.js';
import {
  makeDirectoryDurably,
  writeFileDurably,
  writeFileDurablySync,
  type Durability,
} from './durableWrite.js';
import { FileDocumentStore } from './FileDocumentStore.js';
import { FileDraftStore } from './FileDraftStore.js';
import { FileMetaStore } from './FileMetaStore.js';
import { openStorage } from './openStorage.js';
import type { Storage } from './Storage.js';

const ON: Durability = { fsync: true };
const OFF: Durability = { fsync: false };

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'standpunt-durable-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fsp.rm(dir, { recursive: true, force: true });
});

/** What the flushes were called on, in order: every fsync, sync or through a FileHandle. */
async function recordFlushes(): Promise<{ count: () => number; calls: string[] }> {
  const probe = await fsp.open(path.join(dir, '.probe'), 'w');
  const fileHandle = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
  await probe.close();
  await fsp.rm(path.join(dir, '.probe'));
  const calls: string[] = [];
  const fsyncSync = fs.fsyncSync;
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
    calls.push('fsyncSync');
    fsyncSync(fd);
  });
  const sync = fileHandle.sync;
  vi.spyOn(fileHandle, 'sync').mockImplementation(function (this: unknown) {
    calls.push('sync');
    return sync.call(this);
  });
  return { count: () => calls.length, calls };
}

const emptyState = () => Y.encodeStateAsUpdate(new Y.Doc());

function textUpdates(...texts: string[]): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const text of texts) doc.getText('t').insert(doc.getText('t').length, text);
  return updates;
}

describe('writeFileDurably', () => {
  for (const durability of [ON, OFF]) {
    const label = durability.fsync ? 'on' : 'off';

    it(`replaces the file whole and leaves no temporary file (fsync ${label})`, async () => {
      const file = path.join(dir, 'f.json');
      await writeFileDurably(file, 'een', durability);
      await writeFileDurably(file, 'twee', durability);
      writeFileDurablySync(file, 'drie', durability);
      expect(await fsp.readFile(file, 'utf8')).toBe('drie');
      expect(await fsp.readdir(dir)).toEqual(['f.json']);
    });

    it(`a reader sees the old or the new content, never a mix (fsync ${label})`, async () => {
      const file = path.join(dir, 'f.txt');
      const versions = ['a', 'b', 'c'].map((letter) => letter.repeat(256 * 1024));
      await writeFileDurably(file, versions[0]!, durability);
      let writing = true;
      const seen = new Set<string>();
      const reader = (async () => {
        while (writing) seen.add(await fsp.readFile(file, 'utf8'));
      })();
      for (let round = 0; round < 20; round++) {
        await writeFileDurably(file, versions[round % 3]!, durability);
      }
      writing = false;
      await reader;
      for (const content of seen) expect(versions).toContain(content);
      expect(await fsp.readdir(dir)).toEqual(['f.txt']);
    });
  }

  it('a failed rename leaves the old content and no temporary file', async () => {
    const file = path.join(dir, 'f.json');
    await writeFileDurably(file, 'een', ON);
    vi.spyOn(fsp, 'rename').mockRejectedValueOnce(new Error('the disk went away'));
    await expect(writeFileDurably(file, 'twee', ON)).rejects.toThrow('the disk went away');
    expect(await fsp.readFile(file, 'utf8')).toBe('een');
    expect(await fsp.readdir(dir)).toEqual(['f.json']);
  });

  it('exclusive: never replaces an existing file', async () => {
    const file = path.join(dir, '1.json');
    await writeFileDurably(file, 'origineel', { fsync: true, exclusive: true });
    await expect(
      writeFileDurably(file, 'vervalst', { fsync: true, exclusive: true }),
    ).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await fsp.readFile(file, 'utf8')).toBe('origineel');
    expect(await fsp.readdir(dir)).toEqual(['1.json']);
  });

  it('with fsync on, flushes the data before the rename and the directory after it', async () => {
    const file = path.join(dir, 'f.json');
    const flushes = await recordFlushes();
    const rename = fsp.rename;
    vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      flushes.calls.push('rename');
      return rename(from, to);
    });
    const renameSync = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      flushes.calls.push('renameSync');
      renameSync(from, to);
    });
    await writeFileDurably(file, 'een', ON);
    expect(flushes.calls).toEqual(['sync', 'rename', 'sync']);
    flushes.calls.length = 0;
    writeFileDurablySync(file, 'twee', ON);
    expect(flushes.calls).toEqual(['fsyncSync', 'renameSync', 'fsyncSync']);
  });

  it('with fsync off, flushes nothing', async () => {
    const flushes = await recordFlushes();
    await writeFileDurably(path.join(dir, 'a.json'), 'een', OFF);
    await writeFileDurably(path.join(dir, 'b.json'), 'een', { fsync: false, exclusive: true });
    writeFileDurablySync(path.join(dir, 'c.json'), 'een', OFF);
    makeDirectoryDurably(path.join(dir, 'x', 'y'), OFF);
    expect(flushes.count()).toBe(0);
    expect((await fsp.readdir(dir)).sort()).toEqual(['a.json', 'b.json', 'c.json', 'x']);
  });
});

describe('makeDirectoryDurably', () => {
  it('flushes the parent of every directory it created, and nothing when all exist', async () => {
    const flushes = await recordFlushes();
    const deepest = path.join(dir, 'a', 'b', 'c');
    makeDirectoryDurably(deepest, ON);
    expect((await fsp.stat(deepest)).isDirectory()).toBe(true);
    // a (in dir), b (in a), c (in b)
    expect(flushes.count()).toBe(3);
    makeDirectoryDurably(deepest, ON);
    expect(flushes.count()).toBe(3);
  });
});

describe('the file stores and STANDPUNT_FSYNC', () => {
  it('append flushes the log once per call with fsync on', async () => {
    const store = new FileDocumentStore(dir, ON);
    const [first, ...rest] = textUpdates('a', 'b', 'c', 'd');
    store.append('p1', 'content', first!);
    const flushes = await recordFlushes();
    for (const update of rest) store.append('p1', 'content', update);
    expect(flushes.calls).toEqual(['fsyncSync', 'fsyncSync', 'fsyncSync']);
    await store.close();
  });

  it('append, compaction and load flush nothing with fsync off, and still keep every update', async () => {
    const flushes = await recordFlushes();
    const store = new FileDocumentStore(dir, OFF);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'Hallo');
    for (const update of updates.splice(0)) store.append('p1', 'content', update);
    const state = { content: Y.encodeStateAsUpdate(doc), threads: emptyState() };
    const compaction = store.compact('p1', state);
    // Appended while the snapshot is written: the log keeps it (the partial cut).
    doc.getText('t').insert(5, ' wereld');
    for (const update of updates.splice(0)) store.append('p1', 'content', update);
    await compaction;
    await store.close();
    expect(flushes.count()).toBe(0);

    const again = new FileDocumentStore(dir, OFF);
    const stored = await again.load('p1');
    await again.close();
    const loaded = new Y.Doc();
    for (const update of stored!.content) Y.applyUpdate(loaded, update);
    expect(loaded.getText('t').toString()).toBe('Hallo wereld');
  });

  it('a compaction with fsync on flushes the snapshot before it cuts the log', async () => {
    const store = new FileDocumentStore(dir, ON);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'Hallo');
    for (const update of updates.splice(0)) store.append('p1', 'content', update);
    const flushes = await recordFlushes();
    const state = { content: Y.encodeStateAsUpdate(doc), threads: emptyState() };
    const compaction = store.compact('p1', state);
    doc.getText('t').insert(5, ' wereld');
    for (const update of updates.splice(0)) store.append('p1', 'content', update);
    await compaction;
    // The append, the snapshot and its directory, then the rest of the log and its directory.
    expect(flushes.calls).toEqual(['fsyncSync', 'sync', 'sync', 'fsyncSync', 'fsyncSync']);
    await store.close();
    const log = await fsp.readFile(path.join(dir, 'papers', 'p1', 'updates.log'), 'utf8');
    expect(log.trim().split('\n')).toHaveLength(1);
  });

  it('the audit log flushes once per event with fsync on, never with it off', async () => {
    for (const durability of [ON, OFF]) {
      const audit = await FileAuditLog.open(dir, durability);
      const flushes = await recordFlushes();
      for (let i = 0; i < 3; i++) await audit.record({ type: 'auth.logout' }, { actor: null });
      expect(flushes.count()).toBe(durability.fsync ? 3 : 0);
      await audit.close();
      vi.restoreAllMocks();
    }
    const lines = (await fsp.readFile(path.join(dir, AUDIT_FILE), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(6);
  });

  it('STANDPUNT_FSYNC=off reaches every file store: nothing is flushed', async () => {
    const flushes = await recordFlushes();
    const storage = await openStorage(
      withDefaults({ dataDir: path.join(dir, 'data'), fsync: false }),
    );
    await exerciseStorage(storage);
    expect(flushes.count()).toBe(0);
  });

  it('with fsync on (the default), every file store flushes', async () => {
    const flushes = await recordFlushes();
    const storage = await openStorage(withDefaults({ dataDir: path.join(dir, 'data') }));
    await exerciseStorage(storage);
    // At least: the data dir, the audit log's name and event, the metadata file, the paper's
    // directories and log, the snapshot, the draft.
    expect(flushes.count()).toBeGreaterThanOrEqual(10);
  });
});

/** One write of each kind, through every store. */
async function exerciseStorage(storage: Storage): Promise<void> {
  try {
    await storage.meta.addUser({
      id: 'u1',
      email: 'eva@example.test',
      name: 'Eva',
      municipality: 'GM0363',
      admin: true,
      active: true,
      passwordHash: 'x',
      createdAt: new Date().toISOString(),
    });
    for (const update of textUpdates('Hallo')) storage.documents.append('p1', 'content', update);
    await storage.documents.compact('p1', { content: emptyState(), threads: emptyState() });
    await storage.audit.record({ type: 'auth.logout' }, { actor: null });
    await storage.drafts.save(makeDraft('p1', 1));
  } finally {
    await storage.close();
  }
}

// The stores' own contracts, run once more with fsync off (stores.test.ts runs them with the
// default, on): leaving out the flushes must change nothing a store answers.

async function dataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const made = await fsp.mkdtemp(path.join(os.tmpdir(), 'standpunt-contract-nofsync-'));
  return { dir: made, cleanup: () => fsp.rm(made, { recursive: true, force: true }) };
}

describeMetaStoreContract('file, fsync off', async () => {
  const { dir: data, cleanup } = await dataDir();
  return {
    store: await FileMetaStore.open(data, OFF),
    reopen: () => FileMetaStore.open(data, OFF),
    cleanup,
  };
});

describeDocumentStoreContract(
  'file, fsync off',
  async () => {
    const { dir: data, cleanup } = await dataDir();
    return {
      store: new FileDocumentStore(data, OFF),
      reopen: async () => new FileDocumentStore(data, OFF),
      cleanup,
    };
  },
  { otherWriters: false },
);

describeDraftStoreContract('file, fsync off', async () => {
  const { dir: data, cleanup } = await dataDir();
  const file = (paperId: string, number: number) =>
    path.join(data, 'papers', paperId, 'drafts', `${number}.json`);
  return {
    store: new FileDraftStore(data, OFF),
    reopen: async () => new FileDraftStore(data, OFF),
    cleanup,
    storedText: {
      read: (paperId, number) => fsp.readFile(file(paperId, number), 'utf8'),
      write: (paperId, number, text) => fsp.writeFile(file(paperId, number), text),
    },
  };
});

describeAuditLogContract('file, fsync off', async () => {
  const { dir: data, cleanup } = await dataDir();
  return {
    store: await FileAuditLog.open(data, OFF),
    reopen: () => FileAuditLog.open(data, OFF),
    cleanup,
    async storedJson() {
      const text = await fsp.readFile(path.join(data, AUDIT_FILE), 'utf8');
      return text.split('\n').filter((line) => line !== '');
    },
  };
});
