/**
 * The stores over one PostgreSQL database, sharing one connection pool: reached, migrated,
 * and then handed out. Loaded only when a database URL is configured (see openStorage).
 */
import { sql, type Kysely } from 'kysely';
import { describeDatabase } from '../describeDatabase.js';
import type { Storage } from '../Storage.js';
import { createDatabase, type Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import { PgAuditLog } from './PgAuditLog.js';
import { PgDocumentStore } from './PgDocumentStore.js';
import { PgDraftStore } from './PgDraftStore.js';
import { PgMetaStore } from './PgMetaStore.js';
import { PgOutboxStore } from './PgOutboxStore.js';

/** The URL's password, as given and decoded, so that neither ends up in a message. */
function passwordsIn(url: string): string[] {
  try {
    const { password } = new URL(url);
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}

/** What the driver said, with the password blotted out should it ever repeat the URL. */
function reasonOf(error: unknown, url: string): string {
  let reason = error instanceof Error ? error.message : String(error);
  if (error instanceof AggregateError && error.errors.length > 0) {
    // Connecting to a host with several addresses fails with one error per address.
    reason = error.errors.map((each: unknown) => reasonOf(each, url)).join('; ');
  }
  if (!reason) reason = (error as { code?: string }).code ?? 'unknown error';
  for (const password of passwordsIn(url)) reason = reason.split(password).join('***');
  return reason;
}

/** Fails with a message an administrator can act on: which database, and why not. */
async function assertReachable(db: Kysely<Database>, url: string): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    // Not `cause`: the driver's error may carry the connection settings, password included.
    throw new Error(`Cannot connect to ${describeDatabase(url)}: ${reasonOf(error, url)}`);
  }
}

export async function openPgStorage(url: string, log: (message: string) => void): Promise<Storage> {
  const db = createDatabase(url, (error) =>
    log(`a PostgreSQL connection broke while idle: ${reasonOf(error, url)}`),
  );
  try {
    await assertReachable(db, url);
    const applied = await migrateToLatest(db);
    if (applied.length > 0) log(`database migrated: ${applied.join(', ')}`);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const meta = new PgMetaStore(db);
  const documents = new PgDocumentStore(db);
  const audit = new PgAuditLog(db);
  return {
    meta,
    documents,
    drafts: new PgDraftStore(db),
    audit,
    outbox: new PgOutboxStore(db),
    async close() {
      try {
        await documents.close();
        await meta.close();
        await audit.close();
      } finally {
        await db.destroy();
      }
    },
  };
}
