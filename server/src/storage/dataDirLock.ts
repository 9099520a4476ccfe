import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'server.lock';

/** Dirs locked by this process (a lock file with our own pid may be stale from a restart). */
const lockedHere = new Set<string>();

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims `DATA_DIR` for this process: a second server on the same files would lose writes
 * (lowdb rewrites whole files). A lock left by a process that died (kill -9) is taken over.
 * Returns the release function.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  if (lockedHere.has(lockPath)) {
    throw new Error(`Another Standpunt server in this process is using ${dataDir}.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      lockedHere.add(lockPath);
      return () => {
        lockedHere.delete(lockPath);
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (
        Number.isInteger(holder) &&
        holder > 0 &&
        holder !== process.pid &&
        processIsAlive(holder)
      ) {
        throw new Error(
          `Another Standpunt server (pid ${holder}) is using ${dataDir}. ` +
            `Stop it first, or give this one its own DATA_DIR.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
