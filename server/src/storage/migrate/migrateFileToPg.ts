/**
 * Moves an embedded installation (DATA_DIR) into an empty PostgreSQL database, and checks the
 * result. README, "Moving an embedded installation to PostgreSQL".
 *
 * All or nothing: every row is written in one transaction (see oneTransaction.ts), through the
 * PostgreSQL stores' own code, and committed only once everything is in. A failure before
 * the commit, also the process being killed, leaves the database as it was. A verification
 * that fails after the commit empties the database again, so it is never left half right.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describeDatabase } from '../describeDatabase.js';
import { META_FILE } from '../FileMetaStore.js';
import { openFileStorage } from '../openFileStorage.js';
import { createDatabase, TABLE_ROWS, type Database } from '../postgres/database.js';
import { openPgStorage } from '../postgres/openPgStorage.js';
import { PgAuditLog } from '../postgres/PgAuditLog.js';
import { PgDocumentStore } from '../postgres/PgDocumentStore.js';
import { PgDraftStore } from '../postgres/PgDraftStore.js';
import { PgMetaStore } from '../postgres/PgMetaStore.js';
import { PgOutboxStore } from '../postgres/PgOutboxStore.js';
import type { Storage } from '../Storage.js';
import { openOneTransaction } from './oneTransaction.js';
import { compactedState } from './paperDocs.js';
import { verifyMigration } from './verifyMigration.js';

export interface MigrationSummary {
  accounts: number;
  sessions: number;
  papers: number;
  memberships: number;
  drafts: number;
  auditEvents: number;
  /** Mails not yet sent; those sent stay in DATA_DIR/outbox/done/ and are not moved. */
  pendingMails: number;
}

const TABLES = Object.entries(TABLE_ROWS) as Array<[keyof Database, string]>;

/** How many differences a failed verification prints before it says "and N more". */
const MAX_DIFFERENCES_SHOWN = 20;

/**
 * Refuses a database that holds anything: the migration never merges two installations or
 * writes over one. The tables are locked first, until the commit, so that no server starting
 * on the database meanwhile writes into what is being filled.
 */
async function lockEmptyTables(db: Kysely<Database>, url: string): Promise<void> {
  await sql`set local lock_timeout = '10s'`.execute(db);
  const tables = sql.join(TABLES.map(([table]) => sql.table(table)));
  await sql`lock table ${tables} in exclusive mode`.execute(db);
  const held: string[] = [];
  for (const [table, rows] of TABLES) {
    const { count } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(count) > 0) held.push(`${count} ${rows}`);
  }
  if (held.length > 0) {
    throw new Error(
      `Migration refused, nothing was changed: ${describeDatabase(url)} is not empty ` +
        `(it holds ${held.join(', ')}). migrate-data moves an installation only into an ` +
        'empty database, so that it never mixes with or overwrites another one.',
    );
  }
}

/** Writes everything in `source` to the database in one transaction; counts what it wrote. */
async function copyAll(source: Storage, url: string): Promise<MigrationSummary> {
  const transaction = openOneTransaction(url);
  let auditImported = false;
  try {
    const { db } = transaction;
    await lockEmptyTables(db, url);

    const meta = await source.meta.exportAll();
    await new PgMetaStore(db).importAll(meta);

    // A compaction is also how a paper's first docs are created (DocumentStore.compact).
    const documents = new PgDocumentStore(db);
    const drafts = new PgDraftStore(db);
    let draftCount = 0;
    for (const { id: paperId } of meta.papers) {
      const stored = await source.documents.load(paperId);
      if (stored) await documents.compact(paperId, compactedState(paperId, stored));
      for (const number of await source.drafts.list(paperId)) {
        // Verified as it is read: a damaged draft stops the migration.
        const draft = await source.drafts.load(paperId, number);
        if (!draft) throw new Error(`Draft ${number} of paper ${paperId} could not be read`);
        // Saved as the file store wrote it, so the text stays the same to the byte.
        await drafts.save(draft);
        draftCount++;
      }
    }
    await documents.close();

    const events = await source.audit.query();
    auditImported = true;
    await new PgAuditLog(db).importAll(events);

    // As enqueued anew: due at once, attempts not carried over. The message itself, its
    // Message-ID and Date included, moves unchanged, so a copy sent twice is still one mail.
    const mails = await source.outbox.pending();
    const outbox = new PgOutboxStore(db);
    for (const mail of mails) await outbox.enqueue(mail);

    await transaction.commit();
    return {
      accounts: meta.users.length,
      sessions: meta.sessions.length,
      papers: meta.papers.length,
      memberships: meta.memberships.length,
      drafts: draftCount,
      auditEvents: events.length,
      pendingMails: mails.length,
    };
  } catch (error) {
    // Rolled back first, so that the audit numbering is reset with the trail empty.
    await transaction.destroy().catch(() => {});
    if (auditImported) await resetAuditNumbering(url);
    const reason = error instanceof Error ? error.message : String(error);
    if (reason.startsWith('Migration refused')) throw error;
    throw new Error(
      `Migration failed, nothing was written to ${describeDatabase(url)}: ${reason}`,
      { cause: error },
    );
  } finally {
    await transaction.destroy();
  }
}

/**
 * A sequence is not rolled back with the transaction that moved it: after a failed import
 * the audit numbering would begin past 1 in the empty database. Puts it back; only while the
 * trail is empty, so no number a server handed out meanwhile is ever given again.
 */
async function resetAuditNumbering(url: string): Promise<void> {
  const db = createDatabase(url);
  try {
    await sql`
      select setval(pg_get_serial_sequence('audit_events', 'seq'), 1, false)
      where not exists (select from audit_events)`.execute(db);
  } catch {
    // The database is unreachable, say; the failure being reported is what matters.
  } finally {
    await db.destroy();
  }
}

/** Empties every table again after a failed verification (identities back to 1 too). */
async function emptyTables(url: string): Promise<void> {
  const db = createDatabase(url);
  try {
    const tables = sql.join(TABLES.map(([table]) => sql.table(table)));
    await sql`truncate ${tables} restart identity`.execute(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Copies the installation in `dataDir` into the empty database at `url`, then verifies the
 * copy by reading it back. Holds DATA_DIR's lock throughout, so it refuses to run while a
 * server uses the directory, and no server can start on it meanwhile.
 */
export async function migrateFileToPg(
  dataDir: string,
  url: string,
  log: (message: string) => void = () => {},
): Promise<MigrationSummary> {
  // openFileStorage would take a missing directory for a new installation and create one.
  if (!fs.existsSync(path.join(dataDir, META_FILE))) {
    throw new Error(
      `Migration refused, nothing was changed: ${dataDir} holds no ${META_FILE}, so it is ` +
        'not the DATA_DIR of an installation',
    );
  }
  let source: Storage;
  try {
    // Read with the server's own stores; fsync on, as they may cut a torn last line.
    source = await openFileStorage(dataDir, { fsync: true });
  } catch (error) {
    throw new Error(`Migration refused, nothing was changed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    // Reached and brought to the current schema as a server would at start; a database that
    // cannot be reached is named, its password never.
    try {
      await (await openPgStorage(url, log)).close();
    } catch (error) {
      throw new Error(`Migration refused, nothing was changed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const summary = await copyAll(source, url);
    const differences = await verifyMigration(source, dataDir, url, log);
    if (differences.length > 0) {
      await emptyTables(url);
      const shown = differences.slice(0, MAX_DIFFERENCES_SHOWN).map((line) => `  - ${line}`);
      if (differences.length > shown.length) {
        shown.push(`  … and ${differences.length - shown.length} more`);
      }
      throw new Error(
        `Verification failed: ${describeDatabase(url)} does not hold what ${dataDir} does, ` +
          `so it was emptied again (DATA_DIR is unchanged):\n${shown.join('\n')}`,
      );
    }
    return summary;
  } finally {
    await source.close();
  }
}
