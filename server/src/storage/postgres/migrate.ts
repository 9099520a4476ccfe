/**
 * Brings the database schema up to what this version of the server expects. Several server
 * processes may start at once: Kysely's PostgreSQL adapter holds an advisory lock while it
 * migrates and runs the whole batch in one transaction, so one of them migrates and the others
 * then find nothing left to do.
 */
import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.js';

/** Where Kysely records the migrations it ran (its default name). */
const MIGRATION_TABLE = 'kysely_migration';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Names of the migrations the database records as run; none in a database never migrated. */
async function recordedMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  const table = await sql<{ name: string | null }>`
    select to_regclass(${MIGRATION_TABLE}::text)::text as name`.execute(db);
  if (!table.rows[0]?.name) return [];
  const rows = await sql<{ name: string }>`
    select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.rows.map((row) => row.name);
}

/**
 * Refuses a database migrated by a newer version of Standpunt: this code does not know what
 * that schema means, and writing to it could damage data the newer version relies on.
 */
async function assertSchemaKnown<DB>(db: Kysely<DB>): Promise<void> {
  const unknown = (await recordedMigrations(db)).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new Error(
      `The database schema is newer than this version of Standpunt: it records migration ` +
        `${unknown.join(', ')}, which this version does not know. Run the newer version of ` +
        'Standpunt, or restore a backup made by this one.',
    );
  }
}

/** Runs the migrations not yet run; resolves with their names, rejects when one failed. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  await assertSchemaKnown(db);
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    // A newer process may have migrated between the check and the lock: say so plainly
    // rather than with Kysely's "corrupted migrations".
    await assertSchemaKnown(db);
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      failed
        ? `Could not migrate the database: migration ${failed} failed: ${reason}`
        : `Could not migrate the database: ${reason}`,
      { cause: error },
    );
  }
  return (results ?? []).map((result) => result.migrationName);
}
