/**
 * A Kysely handle on which everything runs inside one PostgreSQL transaction, on one
 * connection, until `commit` or `rollback`. A transaction that a store begins on it (as
 * `PgMetaStore.importAll` or `PgDocumentStore.compact` do) becomes a savepoint within.
 *
 * Why: the migration writes through the stores' own code — the same rows, the same merging of
 * Yjs snapshots a server would write — and yet all of it commits at once or not at all. A
 * failure, or the process being killed half-way, leaves the database as it was. Kysely itself
 * refuses to begin a transaction on a transaction, hence this driver.
 */
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type QueryCompiler,
} from 'kysely';
import pg from 'pg';
import type { Database } from '../postgres/database.js';

/** The savepoint a store's transaction becomes; they never nest (one user at a time). */
const SAVEPOINT = 'store_transaction';

class OneTransactionDriver implements Driver {
  readonly #inner: Driver;
  #connection: DatabaseConnection | undefined;
  #ended = false;
  /** Settles when the connection's current user (a query, a store's transaction) is done. */
  #turn: Promise<void> = Promise.resolve();
  #endTurn: (() => void) | undefined;

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  async init(): Promise<void> {
    await this.#inner.init();
    const connection = await this.#inner.acquireConnection();
    await this.#inner.beginTransaction(connection, {});
    this.#connection = connection;
  }

  /**
   * The one connection, once its previous user released it: a store's transaction holds it
   * from begin to commit, so nothing else can run between its statements and its savepoint.
   */
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#turn;
    let endTurn!: () => void;
    this.#turn = new Promise((resolve) => (endTurn = resolve));
    await previous;
    if (this.#ended || !this.#connection) {
      endTurn();
      throw new Error('The migration transaction has ended');
    }
    this.#endTurn = endTurn;
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const endTurn = this.#endTurn;
    this.#endTurn = undefined;
    endTurn?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${SAVEPOINT}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${SAVEPOINT}`));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${SAVEPOINT}`));
  }

  /** Ends the outer transaction; rejects when PostgreSQL rolled it back instead. */
  async end(commit: boolean): Promise<void> {
    const connection = this.#connection;
    if (!connection || this.#ended) return;
    this.#ended = true;
    try {
      if (commit) await this.#inner.commitTransaction(connection);
      else await this.#inner.rollbackTransaction(connection);
    } finally {
      await this.#inner.releaseConnection(connection);
    }
  }

  async destroy(): Promise<void> {
    try {
      // Whatever was not committed is not wanted; closing the connection drops it anyway.
      await this.end(false);
    } catch {
      // The connection is going away regardless.
    } finally {
      await this.#inner.destroy();
    }
  }
}

class OneTransactionDialect implements Dialect {
  readonly #inner: PostgresDialect;
  driver: OneTransactionDriver | undefined;

  constructor(inner: PostgresDialect) {
    this.#inner = inner;
  }

  createDriver(): Driver {
    this.driver = new OneTransactionDriver(this.#inner.createDriver());
    return this.driver;
  }

  createQueryCompiler(): QueryCompiler {
    return this.#inner.createQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return this.#inner.createAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return this.#inner.createIntrospector(db);
  }
}

export interface OneTransaction {
  /** For the stores: every statement on it runs in the one transaction. */
  db: Kysely<Database>;
  /** Commits everything; rejects when PostgreSQL did not (an earlier statement failed). */
  commit(): Promise<void>;
  /** Lets go of the connection, rolling back what was not committed. */
  destroy(): Promise<void>;
}

/** How long to wait for the connection before failing, as the server's pool does. */
const CONNECT_TIMEOUT_MS = 10_000;

/** Opens the one transaction on the database at `url` (begun with the first statement). */
export function openOneTransaction(url: string): OneTransaction {
  const pool = new pg.Pool({
    connectionString: url,
    max: 1,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // Without a listener, a connection breaking while idle would end the process; the next
  // statement fails instead, and with it the migration.
  pool.on('error', () => {});
  const dialect = new OneTransactionDialect(new PostgresDialect({ pool }));
  const db = new Kysely<Database>({ dialect });
  return {
    db,
    async commit() {
      if (!dialect.driver) throw new Error('Nothing was written in the migration transaction');
      await dialect.driver.end(true);
    },
    destroy: () => db.destroy(),
  };
}
