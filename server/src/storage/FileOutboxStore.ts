/**
 * The embedded outbox: one JSON file per mail, `DATA_DIR/outbox/pending/<id>.json` while it
 * waits and `DATA_DIR/outbox/done/<id>.json` once it was handed over. (`outbox/sent/` holds
 * the `.eml` files of the server without SMTP, which are the mails themselves, not records.)
 *
 * The pending mails are held in memory as well, so finding the next one due reads no files.
 * Claims live only in memory: the data directory's lock makes this process the only sender,
 * so a claim never needs to outlast it — after a restart every pending mail is due as stored.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DamagedFileError } from './DamagedFileError.js';
import { makeDirectoryDurably, writeFileDurably, type Durability } from './durableWrite.js';
import {
  assertOutboxId,
  newOutboxEntry,
  OutboxIdTakenError,
  type ClaimedMail,
  type ClaimOptions,
  type FailedAttempt,
  type OutboxEntry,
  type OutboxStore,
  type OutgoingMail,
} from './OutboxStore.js';
import { isRecord, readJsonFile } from './readJsonFile.js';

export const OUTBOX_DIR = 'outbox';
const ENTRY_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;

const STRING_FIELDS = ['id', 'messageId', 'from', 'to', 'subject', 'raw', 'createdAt'] as const;

/** The parsed file, checked for its shape: a damaged entry is refused, never skipped. */
function checkEntry(file: string, id: string, value: unknown): OutboxEntry {
  const damaged = (problem: string) => new DamagedFileError(file, problem);
  if (!isRecord(value)) throw damaged('it holds no JSON object');
  for (const field of [...STRING_FIELDS, 'nextAttemptAt'] as const) {
    if (typeof value[field] !== 'string') throw damaged(`"${field}" is missing or not text`);
  }
  if (!Number.isInteger(value.attempts)) throw damaged('"attempts" is not a whole number');
  for (const field of ['lastError', 'sentAt'] as const) {
    if (value[field] !== null && typeof value[field] !== 'string') {
      throw damaged(`"${field}" is neither text nor null`);
    }
  }
  if (value.id !== id) throw damaged('it names another mail');
  return value as unknown as OutboxEntry;
}

const byDueTime = (a: OutboxEntry, b: OutboxEntry) =>
  a.nextAttemptAt.localeCompare(b.nextAttemptAt) ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id);

const toJson = (entry: OutboxEntry) => `${JSON.stringify(entry, null, 2)}\n`;

export class FileOutboxStore implements OutboxStore {
  readonly #pendingDir: string;
  readonly #doneDir: string;
  readonly #durability: Durability;
  /** Every pending mail, by id: what the files in `pending/` hold. */
  readonly #pending: Map<string, OutboxEntry>;
  readonly #claims = new Map<string, { claim: string; until: number }>();
  /** Mails whose mark as sent is being written: a second mark at the same time is refused. */
  readonly #marking = new Set<string>();

  private constructor(dir: string, durability: Durability, pending: Map<string, OutboxEntry>) {
    this.#pendingDir = path.join(dir, 'pending');
    this.#doneDir = path.join(dir, 'done');
    this.#durability = durability;
    this.#pending = pending;
  }

  static async open(
    dataDir: string,
    durability: Durability = { fsync: true },
  ): Promise<FileOutboxStore> {
    const dir = path.join(dataDir, OUTBOX_DIR);
    const pendingDir = path.join(dir, 'pending');
    const pending = new Map<string, OutboxEntry>();
    for (const name of await listIfExists(pendingDir)) {
      // Temporary files of an interrupted write start with a dot and never match.
      const id = ENTRY_FILE.exec(name)?.[1];
      if (id === undefined) continue;
      const file = path.join(pendingDir, name);
      if (await exists(path.join(dir, 'done', name))) {
        // Marked sent, and the process stopped before it removed the pending file.
        await fsp.rm(file, { force: true });
        continue;
      }
      pending.set(id, checkEntry(file, id, await readJsonFile(file)));
    }
    return new FileOutboxStore(dir, durability, pending);
  }

  async enqueue(mail: OutgoingMail): Promise<void> {
    assertOutboxId(mail.id);
    if (this.#pending.has(mail.id) || (await exists(this.#doneFile(mail.id)))) {
      throw new OutboxIdTakenError(mail.id);
    }
    const entry = newOutboxEntry(mail);
    makeDirectoryDurably(this.#pendingDir, this.#durability);
    try {
      await writeFileDurably(this.#pendingFile(mail.id), toJson(entry), {
        ...this.#durability,
        exclusive: true,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new OutboxIdTakenError(mail.id);
      }
      throw error;
    }
    // Only now: a mail is never claimed before it is on disk.
    this.#pending.set(mail.id, entry);
  }

  async claimNext({ now, leaseMs }: ClaimOptions): Promise<ClaimedMail | null> {
    const at = now.getTime();
    const due = [...this.#pending.values()]
      .filter((entry) => Date.parse(entry.nextAttemptAt) <= at)
      .filter((entry) => (this.#claims.get(entry.id)?.until ?? -Infinity) <= at)
      .sort(byDueTime)[0];
    if (!due) return null;
    const claim = randomUUID();
    this.#claims.set(due.id, { claim, until: at + leaseMs });
    return { ...due, claim };
  }

  async markSent(id: string, sentAt: Date): Promise<boolean> {
    const entry = this.#pending.get(id);
    if (!entry || this.#marking.has(id)) return false;
    this.#marking.add(id);
    try {
      await this.#writeDone(entry, sentAt);
    } finally {
      this.#marking.delete(id);
    }
    this.#pending.delete(id);
    this.#claims.delete(id);
    await fsp.rm(this.#pendingFile(id), { force: true });
    return true;
  }

  async #writeDone(entry: OutboxEntry, sentAt: Date): Promise<void> {
    // The done file first, flushed: a crash before the pending file is gone leaves both, and
    // `open` then takes the mail for sent.
    makeDirectoryDurably(this.#doneDir, this.#durability);
    await writeFileDurably(
      this.#doneFile(entry.id),
      toJson({ ...entry, sentAt: sentAt.toISOString() }),
      this.#durability,
    );
  }

  async markFailed(claimed: ClaimedMail, { error, retryAt }: FailedAttempt): Promise<boolean> {
    const entry = this.#pending.get(claimed.id);
    if (
      !entry ||
      this.#marking.has(claimed.id) ||
      this.#claims.get(claimed.id)?.claim !== claimed.claim
    )
      return false;
    const next: OutboxEntry = {
      ...entry,
      attempts: entry.attempts + 1,
      nextAttemptAt: retryAt.toISOString(),
      lastError: error,
    };
    await writeFileDurably(this.#pendingFile(claimed.id), toJson(next), this.#durability);
    this.#pending.set(claimed.id, next);
    this.#claims.delete(claimed.id);
    return true;
  }

  async find(id: string): Promise<OutboxEntry | null> {
    assertOutboxId(id);
    const pending = this.#pending.get(id);
    if (pending) return { ...pending };
    const file = this.#doneFile(id);
    const stored = await readJsonFile(file);
    return stored === undefined ? null : checkEntry(file, id, stored);
  }

  async pending(): Promise<OutboxEntry[]> {
    return [...this.#pending.values()]
      .map((entry) => ({ ...entry }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  #pendingFile(id: string): string {
    return path.join(this.#pendingDir, `${id}.json`);
  }

  #doneFile(id: string): string {
    assertOutboxId(id);
    return path.join(this.#doneDir, `${id}.json`);
  }
}

async function listIfExists(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}
