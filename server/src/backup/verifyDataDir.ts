import fsp from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { AUDIT_FILE, scanAuditLog } from '../audit/FileAuditLog.js';
import { PAPER_ID_PATTERN } from '../storage/assertPaperId.js';
import { DamagedFileError } from '../storage/DamagedFileError.js';
import { FileDraftStore } from '../storage/FileDraftStore.js';
import { checkMetaData, META_FILE } from '../storage/FileMetaStore.js';
import { readJsonFile } from '../storage/readJsonFile.js';
import { fromBase64 } from '../storage/base64.js';
import { readSnapshot } from '../storage/readSnapshot.js';
import { parseUpdateLog } from '../storage/updateLog.js';
import { sha256, type BackupManifest } from './BackupManifest.js';

/** What a verified data directory holds. */
export interface DataDirSummary {
  accounts: number;
  papers: number;
  drafts: number;
  auditEvents: number;
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fsp.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Applies every stored update of one doc to a scratch doc: garbage that is base64 shows here. */
function checkUpdates(file: string, updates: Uint8Array[]): void {
  const doc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
  } catch (error) {
    throw new DamagedFileError(file, `it holds an update Yjs cannot apply (${String(error)})`);
  } finally {
    doc.destroy();
  }
}

async function verifyPaper(dir: string, paperId: string): Promise<number> {
  const paperDir = path.join(dir, 'papers', paperId);
  const snapshotPath = path.join(paperDir, 'snapshot.json');
  const logPath = path.join(paperDir, 'updates.log');
  const snapshot = await readSnapshot(snapshotPath);
  const log = await readIfExists(logPath);
  const updates = { content: [] as Uint8Array[], threads: [] as Uint8Array[] };
  if (snapshot) {
    updates.content.push(fromBase64(snapshot.content));
    updates.threads.push(fromBase64(snapshot.threads));
  }
  if (log) {
    const parsed = parseUpdateLog(log, logPath);
    // A backup's logs end in whole lines (copyDataDir cuts a torn one).
    if (parsed.validBytes !== log.length)
      throw new DamagedFileError(logPath, 'its last line is cut off');
    for (const { doc, update } of parsed.updates) updates[doc].push(update);
  }
  checkUpdates(snapshot ? snapshotPath : logPath, updates.content);
  checkUpdates(snapshot ? snapshotPath : logPath, updates.threads);
  const drafts = new FileDraftStore(dir);
  const numbers = await drafts.list(paperId);
  // load() checks each draft's sha256 and that it is the draft its name says.
  for (const number of numbers) await drafts.load(paperId, number);
  return numbers.length;
}

/**
 * Reads and checks every file of a data directory (or backup) the way the server would, and
 * more strictly (no torn lines): the metadata's shape, every paper's snapshot and log as Yjs
 * updates, every draft's hash, the audit trail. With a manifest, every listed file must also
 * have its recorded size and sha256. Throws on the first problem, naming the file.
 */
export async function verifyDataDir(
  dir: string,
  manifest?: BackupManifest,
): Promise<DataDirSummary> {
  for (const entry of manifest?.files ?? []) {
    const file = path.join(dir, ...entry.path.split('/'));
    const bytes = await readIfExists(file);
    if (bytes === null) throw new Error(`${file} is listed in the backup but missing`);
    if (bytes.length !== entry.bytes || sha256(bytes) !== entry.sha256) {
      throw new DamagedFileError(file, 'its size or sha256 differs from the backup manifest');
    }
  }
  const metaPath = path.join(dir, META_FILE);
  const metaValue = await readJsonFile(metaPath);
  if (metaValue === undefined) throw new Error(`${dir} holds no ${META_FILE}`);
  const meta = checkMetaData(metaPath, metaValue);

  let paperIds: string[] = [];
  try {
    paperIds = (await fsp.readdir(path.join(dir, 'papers'))).filter((name) =>
      PAPER_ID_PATTERN.test(name),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const stored = new Set(paperIds);
  for (const paper of meta.papers) {
    if (!stored.has(paper.id))
      throw new Error(`${dir}: paper ${paper.id} is listed but has no files`);
  }
  let drafts = 0;
  for (const paperId of paperIds) drafts += await verifyPaper(dir, paperId);

  const auditPath = path.join(dir, AUDIT_FILE);
  const hasAudit = await fsp.stat(auditPath).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  const auditEvents = hasAudit ? (await scanAuditLog(auditPath)).count : 0;
  return { accounts: meta.users.length, papers: meta.papers.length, drafts, auditEvents };
}
