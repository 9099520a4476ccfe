import { FileAuditLog } from '../audit/FileAuditLog.js';
import { acquireDataDirLock } from './dataDirLock.js';
import { makeDirectoryDurably, type Durability } from './durableWrite.js';
import { FileDocumentStore } from './FileDocumentStore.js';
import { FileDraftStore } from './FileDraftStore.js';
import { FileMetaStore } from './FileMetaStore.js';
import { FileOutboxStore } from './FileOutboxStore.js';
import type { Storage } from './Storage.js';

/**
 * The embedded stores in `dataDir`, which this process then holds alone (a lock file). With
 * `fsync` (`STANDPUNT_FSYNC`, on by default) every store flushes what it wrote to disk before
 * it reports it done; off, a write survives a crash of the process but not a power loss.
 */
export async function openFileStorage(dataDir: string, durability: Durability): Promise<Storage> {
  makeDirectoryDurably(dataDir, durability);
  const releaseLock = acquireDataDirLock(dataDir);
  try {
    // First: it holds nothing open, so a damaged mail file that stops the start leaks nothing.
    const outbox = await FileOutboxStore.open(dataDir, durability);
    const meta = await FileMetaStore.open(dataDir, durability);
    const documents = new FileDocumentStore(dataDir, durability);
    const audit = await FileAuditLog.open(dataDir, durability);
    return {
      meta,
      documents,
      drafts: new FileDraftStore(dataDir, durability),
      audit,
      outbox,
      async close() {
        try {
          await documents.close();
          await meta.close();
          await audit.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
