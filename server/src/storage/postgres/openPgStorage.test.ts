import net from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/testDatabase.js';
import type { Storage } from '../Storage.js';
import { migrations } from './migrations/index.js';
import { openPgStorage } from './openPgStorage.js';

/** A port nothing listens on: taken from the OS, then let go. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs one statement over a connection of its own. */
async function query<R extends pg.QueryResultRow>(
  url: string,
  statement: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(statement, values)).rows;
  } finally {
    await client.end();
  }
}

async function tablesOf(url: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    url,
    `select table_name as name from information_schema.tables where table_schema = 'public'`,
  );
  return rows.map((row) => row.name);
}

describe('openPgStorage', () => {
  const databases: TestDatabase[] = [];
  const opened: Storage[] = [];
  const messages: string[] = [];
  const log = (message: string) => messages.push(message);

  async function freshDatabase(): Promise<string> {
    const database = await createTestDatabase();
    databases.push(database);
    return database.url;
  }

  async function open(url: string): Promise<Storage> {
    const storage = await openPgStorage(url, log);
    opened.push(storage);
    return storage;
  }

  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    for (const database of databases.splice(0)) await database.drop();
    messages.length = 0;
  });

  it('names host, port and database of one it cannot reach, but never the password', async () => {
    const port = await closedPort();
    const url = `postgres://standpunt:ge%40heim-w8woord@127.0.0.1:${port}/standpunt_prod`;
    const error = await openPgStorage(url, log).then(
      () => expect.unreachable('opened a database that is not there'),
      (failure: unknown) => failure as Error,
    );
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toContain('standpunt_prod');
    expect(error.message).toMatch(/ECONNREFUSED/);
    const everything = `${error.message} ${error.stack} ${JSON.stringify(error)} ${String(error.cause)}`;
    for (const secret of ['ge%40heim-w8woord', 'ge@heim-w8woord', 'heim']) {
      expect(everything).not.toContain(secret);
    }
    expect(messages.join('\n')).not.toContain('heim');
  });

  it('creates the schema in a new database, and the stores work on it', async () => {
    const url = await freshDatabase();
    const storage = await open(url);
    expect(await tablesOf(url)).toEqual(
      expect.arrayContaining([
        'audit_events',
        'doc_snapshots',
        'doc_updates',
        'drafts',
        'memberships',
        'outbox',
        'papers',
        'sessions',
        'users',
      ]),
    );
    expect(messages).toContain(`database migrated: ${Object.keys(migrations).join(', ')}`);
    expect(await storage.meta.countUsers()).toBe(0);
    expect((await storage.audit.record({ type: 'auth.logout' }, { actor: null })).seq).toBe(1);
    await storage.documents.append('p1', 'content', new Uint8Array([0, 0]));
    expect(await storage.documents.load('p1')).toStrictEqual({
      content: [new Uint8Array([0, 0])],
      threads: [],
    });
  });

  it('opens a migrated database again without migrating', async () => {
    const url = await freshDatabase();
    await (await open(url)).close();
    opened.length = 0;
    messages.length = 0;
    const storage = await open(url);
    expect(messages).toStrictEqual([]);
    expect(await storage.meta.countUsers()).toBe(0);
  });

  it('refuses a database whose schema is newer than this version', async () => {
    const url = await freshDatabase();
    await (await open(url)).close();
    opened.length = 0;
    // What a later version of Standpunt leaves behind.
    await query(url, `insert into kysely_migration (name, timestamp) values ($1, $2)`, [
      '0002_from_the_future',
      new Date().toISOString(),
    ]);

    await expect(openPgStorage(url, log)).rejects.toThrow(
      /database schema is newer than this version of Standpunt.*0002_from_the_future/,
    );
  });

  it('lets two servers start on a new database at once', async () => {
    const url = await freshDatabase();
    const [one, two] = await Promise.all([open(url), open(url)]);
    expect(messages.filter((message) => message.startsWith('database migrated'))).toHaveLength(1);
    await one!.meta.addUser({
      id: 'u1',
      email: 'een@gemeente.test',
      name: 'Een',
      municipality: 'GM0363',
      admin: true,
      active: true,
      passwordHash: 'x',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await two!.meta.countUsers()).toBe(1);
  });
});
