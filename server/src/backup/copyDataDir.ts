import fsp from 'node:fs/promises';
import path from 'node:path';
import { AUDIT_FILE } from '../audit/FileAuditLog.js';
import { PAPER_ID_PATTERN } from '../storage/assertPaperId.js';
import { META_FILE } from '../storage/FileMetaStore.js';
import { newManifest, sha256, type BackedUpFile, type BackupManifest } from './BackupManifest.js';

const DRAFT_FILE = /^[1-9][0-9]{0,8}\.json$/;

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fsp.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function listIfExists(dir: string): Promise<string[]> {
  try {
    return (await fsp.readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** An append-only file up to its last complete line: a torn last write is left out. */
function wholeLines(bytes: Buffer): Buffer {
  return bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
}

/**
 * Copies a DATA_DIR into `target` (an empty directory) so that the copy is consistent even
 * while a server writes to it, relying on how each file is written:
 *
 * - `standpunt.json` and `snapshot.json` are only ever replaced whole (temporary file, then
 *   rename), so one read gets one whole version.
 * - `standpunt.json` is read first: a paper's docs are written before it is listed there, so
 *   every paper the copy lists has its docs in the copy (papers made later are extra, unlisted).
 * - Of each paper, `updates.log` is read before `snapshot.json`. Yjs state only grows and a
 *   compaction writes the snapshot before cutting the log, so the later snapshot holds at least
 *   everything the earlier log was cut of: snapshot + log is the paper at the time of the log
 *   read or later — never a gap. A torn last line of a log is left out, as a load would.
 * - Drafts are written once, under their name only when complete.
 * - `audit.log` is append-only: copied up to its last whole line, last.
 *
 * Backup files such as `*.bak` are not copied: the backup is the last good copy.
 */
export async function copyDataDir(dataDir: string, target: string): Promise<BackupManifest> {
  const files: BackedUpFile[] = [];
  const put = async (relative: string, bytes: Buffer) => {
    const file = path.join(target, ...relative.split('/'));
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.writeFile(file, bytes, { flag: 'wx' });
    files.push({ path: relative, bytes: bytes.length, sha256: sha256(bytes) });
  };

  const meta = await readIfExists(path.join(dataDir, META_FILE));
  if (meta === null) throw new Error(`${dataDir} holds no ${META_FILE}: nothing to back up`);
  await put(META_FILE, meta);

  const papersDir = path.join(dataDir, 'papers');
  for (const paperId of await listIfExists(papersDir)) {
    if (!PAPER_ID_PATTERN.test(paperId)) continue;
    const dir = path.join(papersDir, paperId);
    const log = await readIfExists(path.join(dir, 'updates.log'));
    const snapshot = await readIfExists(path.join(dir, 'snapshot.json'));
    if (log !== null) await put(`papers/${paperId}/updates.log`, wholeLines(log));
    if (snapshot !== null) await put(`papers/${paperId}/snapshot.json`, snapshot);
    for (const name of await listIfExists(path.join(dir, 'drafts'))) {
      if (!DRAFT_FILE.test(name)) continue; // temporary files of a draft being written
      const draft = await readIfExists(path.join(dir, 'drafts', name));
      if (draft !== null) await put(`papers/${paperId}/drafts/${name}`, draft);
    }
  }

  const audit = await readIfExists(path.join(dataDir, AUDIT_FILE));
  if (audit !== null) await put(AUDIT_FILE, wholeLines(audit));
  return newManifest(dataDir, files);
}
