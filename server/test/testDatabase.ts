/**
 * A database of its own for a test, in the PostgreSQL that `STANDPUNT_TEST_DATABASE_URL`
 * points at (an administrator's URL on the `postgres` database; scripts/services.sh starts one
 * and sets it). Without it the tests that need a database fail, and say how to get one: a
 * suite that quietly skipped its database half would pass without having tested it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** Where the new, empty database is: the admin URL with its name. */
  url: string;
  /** Ends every connection to the database and drops it. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.STANDPUNT_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'These tests need PostgreSQL: set STANDPUNT_TEST_DATABASE_URL, e.g. by running the ' +
        'tests through scripts/test.sh, which starts PostgreSQL ' +
        '(or: bash -c "source scripts/services.sh; pnpm exec vitest run").',
    );
  }
  return url;
}

/** Runs `statement` on the admin database over a connection of its own. */
async function asAdmin(url: string, statement: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement, values);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = adminUrl();
  // Hex only: the name needs no quoting, and tests running at once never pick the same one.
  const name = `standpunt_test_${randomBytes(8).toString('hex')}`;
  await asAdmin(admin, `create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      // Not `drop database … with (force)`, which PostgreSQL 12 and older lack.
      await asAdmin(
        admin,
        'select pg_terminate_backend(pid) from pg_stat_activity ' +
          'where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      await asAdmin(admin, `drop database if exists ${name}`);
    },
  };
}
