import fs from 'node:fs/promises';
import { FileAuditLog } from '../audit/FileAuditLog.js';
import { acquireDataDirLock } from './dataDirLock.js';
import { FileDocumentStore } from './FileDocumentStore.js';
import { FileDraftStore } from './FileDraftStore.js';
import { FileMetaStore } from './FileMetaStore.js';
import type { Storage } from './Storage.js';

/** The embedded stores in `dataDir`, which this process then holds alone (a lock file). */
export async function openFileStorage(dataDir: string): Promise<Storage> {
  await fs.mkdir(dataDir, { recursive: true });
  const releaseLock = acquireDataDirLock(dataDir);
  try {
    const meta = await FileMetaStore.open(dataDir);
    const documents = new FileDocumentStore(dataDir);
    const audit = new FileAuditLog(dataDir);
    return {
      meta,
      documents,
      drafts: new FileDraftStore(dataDir),
      audit,
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
