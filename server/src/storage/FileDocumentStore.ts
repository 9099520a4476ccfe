import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { DocName } from '@standpunt/shared';
import { assertPaperId } from './assertPaperId.js';
import { fromBase64, toBase64 } from './base64.js';
import type { DocumentStore, PaperState, StoredPaper } from './DocumentStore.js';
import {
  fsyncDirectorySync,
  makeDirectoryDurably,
  writeFileDurably,
  writeFileDurablySync,
  type Durability,
} from './durableWrite.js';
import { keepPreviousVersion } from './keepPreviousVersion.js';
import { readSnapshot, type SnapshotFile } from './readSnapshot.js';
import { formatLogLine, parseUpdateLog } from './updateLog.js';

/** Where one paper's files are. */
interface PaperPaths {
  dir: string;
  snapshotPath: string;
  logPath: string;
}

/** The open files of one paper, kept while it is written to. */
interface PaperFiles extends PaperPaths {
  paperId: string;
  /** Kept open for appending; `null` while the paper is idle. */
  logFd: number | null;
  /**
   * Positions in everything ever appended to the log while it was open, so a compaction can
   * name the updates its state covers even when an earlier compaction cut the file meanwhile:
   * the file holds bytes `logStart` to `logEnd`.
   */
  logStart: number;
  logEnd: number;
  /** Compactions of one paper run one after the other. */
  compacting: Promise<void>;
  pendingCompactions: number;
}

/**
 * The embedded document store: per paper a lowdb snapshot and an append-only update log in
 * `<dataDir>/papers/<id>/`. Each paper has its own files, so saving one never rewrites another.
 *
 * Durability: `append` writes synchronously to a kept-open descriptor, so the update is in
 * the OS when it returns and survives the process being killed. With `fsync` on (the default,
 * `STANDPUNT_FSYNC`) it also flushes the log before returning, so an update that was relayed
 * survives a power loss too; a room appends once per batch, so that is one fsync per batch.
 * The snapshot is written to a temporary file and renamed (flushed first, with fsync on), and
 * only then is the log cut; a crash in between replays updates the snapshot already holds,
 * which Yjs applies idempotently.
 */
export class FileDocumentStore implements DocumentStore {
  readonly #papersDir: string;
  readonly #durability: Durability;
  readonly #papers = new Map<string, PaperFiles>();
  #closed = false;

  constructor(dataDir: string, durability: Durability = { fsync: true }) {
    this.#papersDir = path.join(dataDir, 'papers');
    this.#durability = durability;
  }

  /** Papers the store holds open files or write positions for; idle ones are let go. */
  get papersOpen(): number {
    return this.#papers.size;
  }

  async load(paperId: string): Promise<StoredPaper | null> {
    // Reading needs no open files: a paper only read is not remembered.
    const files = this.#paths(paperId);
    // The store keeps no copy of a paper's state: the room that loaded it holds it.
    const snapshot = await readSnapshot(files.snapshotPath);
    const stored: StoredPaper = { content: [], threads: [] };
    if (snapshot) {
      stored.content.push(fromBase64(snapshot.content));
      stored.threads.push(fromBase64(snapshot.threads));
    }
    let logText: Buffer | null = null;
    try {
      logText = await fsp.readFile(files.logPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (logText) {
      const { updates, validBytes } = parseUpdateLog(logText, files.logPath);
      for (const { doc, update } of updates) stored[doc].push(update);
      if (validBytes < logText.length && (this.#papers.get(paperId)?.logFd ?? null) === null) {
        // Cut the torn last line, or the next append would be glued onto it.
        await fsp.truncate(files.logPath, validBytes);
      }
    }
    if (!snapshot && !logText) return null;
    return stored;
  }

  append(paperId: string, doc: DocName, update: Uint8Array): void {
    if (this.#closed) throw new Error('The document store is closed');
    const files = this.#files(paperId);
    const fd = this.#openLog(files);
    // One write per line: a crash can tear only the last line, which load() skips.
    const line = Buffer.from(formatLogLine(doc, update), 'utf8');
    let written = 0;
    while (written < line.length) {
      written += fs.writeSync(fd, line, written, line.length - written);
    }
    // Before returning, because the caller relays the update once this returns: a client must
    // never hold an edit that a power loss takes from the server.
    if (this.#durability.fsync) fs.fsyncSync(fd);
    files.logEnd += line.length;
  }

  // async, so a bad id rejects; everything before the first await still runs synchronously.
  async compact(paperId: string, state: PaperState): Promise<void> {
    if (this.#closed) throw new Error('The document store is closed');
    const files = this.#files(paperId);
    this.#openLog(files);
    // `state` holds every update logged before this call; updates appended later (also
    // while the snapshot is being written) lie past this mark and must stay in the log.
    const coveredEnd = files.logEnd;
    files.pendingCompactions++;
    const run = files.compacting.then(() => this.#compact(files, state, coveredEnd));
    // The chain goes on after a failed compaction; the caller still sees the failure.
    files.compacting = run.catch(() => undefined);
    await run;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#papers.values()].map((files) => files.compacting));
    for (const files of this.#papers.values()) {
      if (files.logFd !== null) fs.closeSync(files.logFd);
      files.logFd = null;
    }
    this.#papers.clear();
  }

  async #compact(files: PaperFiles, state: PaperState, coveredEnd: number): Promise<void> {
    try {
      const snapshot: SnapshotFile = {
        content: toBase64(state.content),
        threads: toBase64(state.threads),
        compactedAt: new Date().toISOString(),
      };
      keepPreviousVersion(files.snapshotPath);
      // Formatted as lowdb's JSONFile wrote it. With fsync on, the snapshot is on disk before
      // the log is cut below: a power loss never leaves the cut log with the older snapshot.
      await writeFileDurably(
        files.snapshotPath,
        JSON.stringify(snapshot, null, 2),
        this.#durability,
      );
      this.#dropLogPrefix(files, coveredEnd);
    } finally {
      files.pendingCompactions--;
      if (
        files.pendingCompactions === 0 &&
        files.logStart === files.logEnd &&
        files.logFd !== null
      ) {
        // An idle paper holds nothing: the next append opens the log again. Over months a
        // server opens many thousands of papers; it keeps only those in use.
        fs.closeSync(files.logFd);
        files.logFd = null;
        this.#papers.delete(files.paperId);
      }
    }
  }

  /** Cuts the log up to `coveredEnd`. Synchronous, so no append can interleave. */
  #dropLogPrefix(files: PaperFiles, coveredEnd: number): void {
    const fd = this.#openLog(files);
    if (coveredEnd >= files.logEnd) {
      // Not flushed: a truncation lost in a power loss only replays updates the snapshot holds.
      fs.ftruncateSync(fd, 0);
      files.logStart = files.logEnd;
      return;
    }
    const drop = coveredEnd - files.logStart;
    if (drop <= 0) return;
    const tail = Buffer.alloc(files.logEnd - coveredEnd);
    fs.readSync(fd, tail, 0, tail.length, drop);
    // Write the remaining updates to a new file and rename it over the log: a crash leaves
    // either the old log (replayed idempotently) or the new one, never a half-cut file.
    writeFileDurablySync(files.logPath, tail, this.#durability);
    fs.closeSync(fd);
    files.logFd = fs.openSync(files.logPath, 'a+');
    files.logStart = coveredEnd;
  }

  #openLog(files: PaperFiles): number {
    if (files.logFd === null) {
      makeDirectoryDurably(files.dir, this.#durability);
      const isNew = this.#durability.fsync && !fs.existsSync(files.logPath);
      // 'a+': appends always land at the end, and compaction can read the tail back.
      files.logFd = fs.openSync(files.logPath, 'a+');
      // A flushed log is of no use under a name that a power loss took away.
      if (isNew) fsyncDirectorySync(files.dir);
      files.logStart = 0;
      files.logEnd = fs.fstatSync(files.logFd).size;
    }
    return files.logFd;
  }

  #paths(paperId: string): PaperPaths {
    assertPaperId(paperId);
    const dir = path.join(this.#papersDir, paperId);
    return {
      dir,
      snapshotPath: path.join(dir, 'snapshot.json'),
      logPath: path.join(dir, 'updates.log'),
    };
  }

  #files(paperId: string): PaperFiles {
    let files = this.#papers.get(paperId);
    if (!files) {
      const paths = this.#paths(paperId);
      files = {
        ...paths,
        paperId,
        logFd: null,
        logStart: 0,
        logEnd: 0,
        compacting: Promise.resolve(),
        pendingCompactions: 0,
      };
      this.#papers.set(paperId, files);
    }
    return files;
  }
}
