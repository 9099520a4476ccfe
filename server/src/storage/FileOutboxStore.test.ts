/**
 * What the file outbox does beyond the contract (stores.test.ts): flushing before `enqueue`
 * resolves, recovering from a crash half-way through a mark, refusing a damaged file.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeOutboxStoreContract, makeMail } from './contracts/outboxStoreContract.js';
import { DamagedFileError } from './DamagedFileError.js';
import { FileOutboxStore } from './FileOutboxStore.js';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'standpunt-outbox-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fsp.rm(dir, { recursive: true, force: true });
});

const pendingFile = (id: string) => path.join(dir, 'outbox', 'pending', `${id}.json`);
const doneFile = (id: string) => path.join(dir, 'outbox', 'done', `${id}.json`);

/** Counts every flush, of a file or a directory, from now on. */
async function countFlushes(): Promise<() => number> {
  const probe = await fsp.open(path.join(dir, '.probe'), 'w');
  const fileHandle = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
  await probe.close();
  let count = 0;
  const fsyncSync = fs.fsyncSync;
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
    count++;
    fsyncSync(fd);
  });
  const sync = fileHandle.sync;
  vi.spyOn(fileHandle, 'sync').mockImplementation(function (this: unknown) {
    count++;
    return sync.call(this);
  });
  return () => count;
}

describe('FileOutboxStore', () => {
  it('has flushed the mail and its name to disk when enqueue resolves', async () => {
    const store = await FileOutboxStore.open(dir, { fsync: true });
    const flushes = await countFlushes();
    await store.enqueue(makeMail(1));
    // The file, the directory holding its name, and the directories made for it.
    expect(flushes()).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(await fsp.readFile(pendingFile('mail1'), 'utf8'))).toMatchObject({
      id: 'mail1',
      raw: makeMail(1).raw,
    });
  });

  it('flushes nothing with fsync off', async () => {
    const store = await FileOutboxStore.open(dir, { fsync: false });
    const flushes = await countFlushes();
    await store.enqueue(makeMail(1));
    await store.markSent('mail1', new Date());
    expect(flushes()).toBe(0);
  });

  it('moves a sent mail from pending/ to done/', async () => {
    const store = await FileOutboxStore.open(dir);
    await store.enqueue(makeMail(1));
    await store.markSent('mail1', new Date('2026-03-01T10:00:01.000Z'));
    expect(fs.existsSync(pendingFile('mail1'))).toBe(false);
    expect(JSON.parse(await fsp.readFile(doneFile('mail1'), 'utf8'))).toMatchObject({
      sentAt: '2026-03-01T10:00:01.000Z',
    });
  });

  it('takes a mail for sent when a crash left it both done and pending', async () => {
    const store = await FileOutboxStore.open(dir);
    await store.enqueue(makeMail(1));
    await store.enqueue(makeMail(2));
    const pendingCopy = await fsp.readFile(pendingFile('mail1'));
    await store.markSent('mail1', new Date());
    // As if the process died after writing done/mail1.json, before removing the pending one.
    await fsp.writeFile(pendingFile('mail1'), pendingCopy);
    const reopened = await FileOutboxStore.open(dir);
    expect((await reopened.pending()).map((entry) => entry.id)).toStrictEqual(['mail2']);
    expect((await reopened.find('mail1'))?.sentAt).not.toBeNull();
    expect(fs.existsSync(pendingFile('mail1'))).toBe(false);
  });

  it('ignores the temporary file of an interrupted write', async () => {
    const store = await FileOutboxStore.open(dir);
    await store.enqueue(makeMail(1));
    await fsp.writeFile(path.join(dir, 'outbox', 'pending', '.mail2.json.abc.tmp'), '{"id":');
    const reopened = await FileOutboxStore.open(dir);
    expect((await reopened.pending()).map((entry) => entry.id)).toStrictEqual(['mail1']);
  });

  it('refuses to open over a damaged mail, naming its file, rather than drop it', async () => {
    const store = await FileOutboxStore.open(dir);
    await store.enqueue(makeMail(1));
    await store.enqueue(makeMail(2));
    for (const damage of ['', '{"id":"mail2"', JSON.stringify({ ...makeMail(2), attempts: 'x' })]) {
      await fsp.writeFile(pendingFile('mail2'), damage);
      const opening = FileOutboxStore.open(dir);
      await expect(opening).rejects.toBeInstanceOf(DamagedFileError);
      await expect(opening).rejects.toThrow(pendingFile('mail2'));
    }
    // A valid mail under another's name is not that mail either.
    await fsp.writeFile(pendingFile('mail2'), await fsp.readFile(pendingFile('mail1')));
    await expect(FileOutboxStore.open(dir)).rejects.toThrow(/names another mail/);
  });
});

// The contract once more with fsync off: leaving out the flushes must change no answer.
describeOutboxStoreContract(
  'file, fsync off',
  async () => {
    const data = await fsp.mkdtemp(path.join(os.tmpdir(), 'standpunt-outbox-nofsync-'));
    const store = await FileOutboxStore.open(data, { fsync: false });
    return {
      store,
      reopen: () => FileOutboxStore.open(data, { fsync: false }),
      openOtherSender: async () => store,
      cleanup: () => fsp.rm(data, { recursive: true, force: true }),
    };
  },
  { claimsOutliveTheStore: false },
);
