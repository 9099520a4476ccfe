/**
 * What the server stored, read (and changed) behind its back: the files on the file backend,
 * the rows on PostgreSQL. For tests of what was kept and of what a tampered draft does.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { RunningServer } from '../src/createServer.js';
import { TEST_BACKEND, testDatabaseFor } from './helpers.js';

async function withDatabase<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function draftFile(server: RunningServer, paperId: string, number: number): string {
  return path.join(server.config.dataDir, 'papers', paperId, 'drafts', `${number}.json`);
}

/** The stored text of the draft (the JSON the server wrote). */
export function readStoredDraft(
  server: RunningServer,
  paperId: string,
  number: number,
): Promise<string> {
  const { databaseUrl } = server.config;
  if (!databaseUrl) return fs.readFile(draftFile(server, paperId, number), 'utf8');
  return withDatabase(databaseUrl, async (client) => {
    const result = await client.query<{ body: string }>(
      'select body from drafts where paper_id = $1 and number = $2',
      [paperId, number],
    );
    const row = result.rows[0];
    if (!row) throw new Error(`no stored draft ${number} of ${paperId}`);
    return row.body;
  });
}

/** Replaces the stored text of the draft, as a damaged disk or a tamperer would. */
export async function overwriteStoredDraft(
  server: RunningServer,
  paperId: string,
  number: number,
  text: string,
): Promise<void> {
  const { databaseUrl } = server.config;
  if (!databaseUrl) return fs.writeFile(draftFile(server, paperId, number), text);
  await withDatabase(databaseUrl, (client) =>
    client.query('update drafts set body = $3 where paper_id = $1 and number = $2', [
      paperId,
      number,
      text,
    ]),
  );
}

/**
 * How many updates of the paper's docs are logged beside the snapshot, for a server that ran
 * on `dataDir` with the test backend (as `spawnServer` starts it).
 */
export async function loggedUpdates(dataDir: string, paperId: string): Promise<number> {
  if (TEST_BACKEND === 'file') {
    const log = await fs.readFile(path.join(dataDir, 'papers', paperId, 'updates.log'), 'utf8');
    return log.split('\n').filter(Boolean).length;
  }
  return withDatabase(await testDatabaseFor(dataDir), async (client) => {
    const result = await client.query<{ count: string }>(
      'select count(*) as count from doc_updates where paper_id = $1',
      [paperId],
    );
    return Number(result.rows[0]?.count);
  });
}
