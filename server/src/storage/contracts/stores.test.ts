/**
 * Every storage contract against every backend: the files in a data directory, and
 * PostgreSQL (a database of this file's own, emptied before each test). The PostgreSQL half
 * needs STANDPUNT_TEST_DATABASE_URL and fails without it (see test/testDatabase.ts).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/testDatabase.js';
import { AUDIT_FILE, FileAuditLog } from '../../audit/FileAuditLog.js';
import { FileDocumentStore } from '../FileDocumentStore.js';
import { FileDraftStore } from '../FileDraftStore.js';
import { FileMetaStore } from '../FileMetaStore.js';
import { FileOutboxStore } from '../FileOutboxStore.js';
import { createDatabase, TABLE_ROWS, type Database } from '../postgres/database.js';
import { migrateToLatest } from '../postgres/migrate.js';
import { PgAuditLog } from '../postgres/PgAuditLog.js';
import { PgDocumentStore } from '../postgres/PgDocumentStore.js';
import { PgDraftStore } from '../postgres/PgDraftStore.js';
import { PgMetaStore } from '../postgres/PgMetaStore.js';
import { PgOutboxStore } from '../postgres/PgOutboxStore.js';
import { describeAuditLogContract } from './auditLogContract.js';
import { describeDocumentStoreContract } from './documentStoreContract.js';
import { describeDraftStoreContract } from './draftStoreContract.js';
import { describeMetaStoreContract } from './metaStoreContract.js';
import { describeOutboxStoreContract } from './outboxStoreContract.js';

// Files

/** A fresh data directory, removed after the test. */
async function dataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-contract-'));
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

describeMetaStoreContract('file', async () => {
  const { dir, cleanup } = await dataDir();
  return { store: await FileMetaStore.open(dir), reopen: () => FileMetaStore.open(dir), cleanup };
});

describeDocumentStoreContract(
  'file',
  async () => {
    const { dir, cleanup } = await dataDir();
    return {
      store: new FileDocumentStore(dir),
      reopen: async () => new FileDocumentStore(dir),
      cleanup,
    };
  },
  { otherWriters: false },
);

describeDraftStoreContract('file', async () => {
  const { dir, cleanup } = await dataDir();
  const file = (paperId: string, number: number) =>
    path.join(dir, 'papers', paperId, 'drafts', `${number}.json`);
  return {
    store: new FileDraftStore(dir),
    reopen: async () => new FileDraftStore(dir),
    cleanup,
    storedText: {
      read: (paperId, number) => fs.readFile(file(paperId, number), 'utf8'),
      write: (paperId, number, text) => fs.writeFile(file(paperId, number), text),
    },
  };
});

describeAuditLogContract('file', async () => {
  const { dir, cleanup } = await dataDir();
  return {
    store: await FileAuditLog.open(dir),
    reopen: () => FileAuditLog.open(dir),
    cleanup,
    async storedJson() {
      const text = await fs.readFile(path.join(dir, AUDIT_FILE), 'utf8');
      return text.split('\n').filter((line) => line !== '');
    },
  };
});

describeOutboxStoreContract(
  'file',
  async () => {
    const { dir, cleanup } = await dataDir();
    const store = await FileOutboxStore.open(dir);
    return {
      store,
      reopen: () => FileOutboxStore.open(dir),
      openOtherSender: async () => store,
      cleanup,
    };
  },
  { claimsOutliveTheStore: false },
);

// PostgreSQL

const TABLES = Object.keys(TABLE_ROWS) as Array<keyof Database>;

let database: Promise<TestDatabase> | undefined;

/** This file's database, made and migrated on first use. */
function migratedDatabase(): Promise<TestDatabase> {
  database ??= (async () => {
    const created = await createTestDatabase();
    const db = createDatabase(created.url);
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
    return created;
  })();
  return database;
}

afterAll(async () => {
  await (await database?.catch(() => undefined))?.drop();
});

/**
 * The database, emptied (identities restarted, so audit numbers begin at 1 again), and a way
 * to open handles on it: each with a pool of its own, as each server process has.
 */
async function emptyDatabase(): Promise<{
  connect: () => Kysely<Database>;
  cleanup: () => Promise<void>;
}> {
  const { url } = await migratedDatabase();
  const handles: Kysely<Database>[] = [];
  const connect = () => {
    const db = createDatabase(url);
    handles.push(db);
    return db;
  };
  await sql`truncate ${sql.join(TABLES.map((table) => sql.table(table)))} restart identity`.execute(
    connect(),
  );
  return {
    connect,
    cleanup: async () => {
      await Promise.all(handles.map((db) => db.destroy()));
    },
  };
}

describeMetaStoreContract('postgres', async () => {
  const { connect, cleanup } = await emptyDatabase();
  return {
    store: new PgMetaStore(connect()),
    reopen: async () => new PgMetaStore(connect()),
    cleanup,
  };
});

describeDocumentStoreContract(
  'postgres',
  async () => {
    const { connect, cleanup } = await emptyDatabase();
    const open = async () => new PgDocumentStore(connect());
    return { store: await open(), reopen: open, openOtherWriter: open, cleanup };
  },
  { otherWriters: true },
);

describeDraftStoreContract('postgres', async () => {
  const { connect, cleanup } = await emptyDatabase();
  const db = connect();
  return {
    store: new PgDraftStore(db),
    reopen: async () => new PgDraftStore(connect()),
    cleanup,
    storedText: {
      async read(paperId, number) {
        const row = await db
          .selectFrom('drafts')
          .select('body')
          .where('paper_id', '=', paperId)
          .where('number', '=', number)
          .executeTakeFirstOrThrow();
        return row.body;
      },
      async write(paperId, number, text) {
        await db
          .updateTable('drafts')
          .set({ body: text })
          .where('paper_id', '=', paperId)
          .where('number', '=', number)
          .executeTakeFirstOrThrow();
      },
    },
  };
});

describeAuditLogContract('postgres', async () => {
  const { connect, cleanup } = await emptyDatabase();
  const db = connect();
  return {
    store: new PgAuditLog(db),
    reopen: async () => new PgAuditLog(connect()),
    cleanup,
    async storedJson() {
      const { rows } = await sql<{ json: string }>`
        select event::text as json from audit_events order by seq`.execute(db);
      return rows.map((row) => row.json);
    },
  };
});

describeOutboxStoreContract(
  'postgres',
  async () => {
    const { connect, cleanup } = await emptyDatabase();
    const open = async () => new PgOutboxStore(connect());
    return { store: await open(), reopen: open, openOtherSender: open, cleanup };
  },
  { claimsOutliveTheStore: true },
);
