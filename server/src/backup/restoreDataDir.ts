import fsp from 'node:fs/promises';
import path from 'node:path';
import { acquireDataDirLock, LOCK_FILE } from '../storage/dataDirLock.js';
import { readManifest } from './BackupManifest.js';
import { isInside } from './backupDataDir.js';
import { verifyDataDir, type DataDirSummary } from './verifyDataDir.js';

export interface RestoreResult extends DataDirSummary {
  /** Where the data that was in DATA_DIR went, or null when it held nothing. */
  replacedDir: string | null;
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Replaces what `dataDir` holds by the backup in `source`. Refuses while a server uses
 * `dataDir` (its lock names a live process) and takes that lock itself, so no server starts
 * halfway. Verifies every file of the backup before anything is touched; the data it replaces
 * is moved aside, never deleted, into `<dataDir>.replaced-<time>`.
 */
export async function restoreDataDir(source: string, dataDir: string): Promise<RestoreResult> {
  const backup = path.resolve(source);
  const target = path.resolve(dataDir);
  if (isInside(backup, target) || isInside(target, backup)) {
    throw new Error(`The backup (${backup}) must lie outside DATA_DIR (${target})`);
  }
  const manifest = await readManifest(backup);
  const summary = await verifyDataDir(backup, manifest);

  await fsp.mkdir(target, { recursive: true });
  let release: () => void;
  try {
    release = acquireDataDirLock(target);
  } catch (error) {
    throw new Error(`Restore refused, nothing was changed: ${(error as Error).message}`);
  }
  let staging: string | null = null;
  try {
    const time = stamp();
    // Copied beside DATA_DIR first (same file system, so the moves below are renames).
    staging = `${target}.restoring-${time}`;
    await fsp.mkdir(staging);
    for (const entry of manifest.files) {
      const to = path.join(staging, ...entry.path.split('/'));
      await fsp.mkdir(path.dirname(to), { recursive: true });
      await fsp.copyFile(path.join(backup, ...entry.path.split('/')), to);
    }
    await verifyDataDir(staging, manifest);

    const current = (await fsp.readdir(target)).filter((name) => name !== LOCK_FILE);
    let replacedDir: string | null = null;
    if (current.length > 0) {
      replacedDir = `${target}.replaced-${time}`;
      await fsp.mkdir(replacedDir);
      for (const name of current)
        await fsp.rename(path.join(target, name), path.join(replacedDir, name));
    }
    for (const name of await fsp.readdir(staging)) {
      await fsp.rename(path.join(staging, name), path.join(target, name));
    }
    await fsp.rmdir(staging);
    staging = null;
    return { ...summary, replacedDir };
  } finally {
    // Still there only when something failed before DATA_DIR was touched.
    if (staging) await fsp.rm(staging, { recursive: true, force: true });
    release();
  }
}
