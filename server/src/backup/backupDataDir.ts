import fsp from 'node:fs/promises';
import path from 'node:path';
import { readManifest, writeManifest } from './BackupManifest.js';
import { copyDataDir } from './copyDataDir.js';
import { verifyDataDir, type DataDirSummary } from './verifyDataDir.js';

/** Whether `inner` is `outer` or lies inside it. */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function assertFreeTarget(target: string): Promise<void> {
  try {
    const entries = await fsp.readdir(target);
    if (entries.length > 0)
      throw new Error(`${target} exists and is not empty: choose a new directory`);
    await fsp.rmdir(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new Error(`${target} exists and is not a directory`);
    throw error;
  }
}

/**
 * Makes a backup of `dataDir` in the new directory `target`, safely while a server runs (see
 * {@link copyDataDir}). Written beside the target first and renamed into place once verified,
 * so a directory under the target's name is always a whole, checked backup.
 */
export async function backupDataDir(dataDir: string, target: string): Promise<DataDirSummary> {
  const source = path.resolve(dataDir);
  const destination = path.resolve(target);
  if (isInside(destination, source) || isInside(source, destination)) {
    throw new Error(`The backup (${destination}) must lie outside DATA_DIR (${source})`);
  }
  await assertFreeTarget(destination);
  const staging = `${destination}.partial-${process.pid}`;
  await fsp.rm(staging, { recursive: true, force: true });
  await fsp.mkdir(staging, { recursive: true });
  try {
    const manifest = await copyDataDir(source, staging);
    await writeManifest(staging, manifest);
    const summary = await verifyDataDir(staging, await readManifest(staging));
    await fsp.rename(staging, destination);
    return summary;
  } catch (error) {
    await fsp.rm(staging, { recursive: true, force: true });
    throw error;
  }
}
