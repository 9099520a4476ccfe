/**
 * Two built server processes (`server/dist/main.js`) on one PostgreSQL database and one Redis,
 * serving the same papers, as a deployment with two instances behind a load balancer runs.
 * Either process can be killed (`kill -9`) or stopped and started again in its slot, on the
 * same database and Redis.
 *
 *   const pair = await startProcessPair({ redisUrl: process.env.STANDPUNT_TEST_REDIS_URL });
 *   const [a, b] = pair.processes;
 *   await pair.kill(0);
 *   const again = await pair.restart(0);
 *   await pair.stop();
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { killHard, spawnServer, stopGracefully, type ChildServer } from './childServer.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

/** Compaction out of the way, so that the update log shows every stored update. */
export const QUIET_COMPACTION = {
  STANDPUNT_COMPACT_AFTER_UPDATES: '1000000',
  STANDPUNT_COMPACT_INTERVAL_MS: '3600000',
};

/** Which of the two processes: its slot in the pair. */
export type PairSlot = 0 | 1;

export interface ProcessPairOptions {
  /** The Redis both processes exchange updates over. Default: `STANDPUNT_TEST_REDIS_URL`. */
  redisUrl?: string;
  /**
   * A database to share with other pairs (left in place by {@link ProcessPair.stop}).
   * Default: a fresh one, dropped by `stop`.
   */
  database?: TestDatabase;
  /** More environment for both processes (server settings); applied after QUIET_COMPACTION. */
  settings?: Record<string, string>;
  /** Default true: compaction only when a paper is unloaded (see QUIET_COMPACTION). */
  quietCompaction?: boolean;
}

export interface ProcessPair {
  readonly database: TestDatabase;
  readonly redisUrl: string;
  /** Both processes as they run now: a restarted slot holds its new process. */
  readonly processes: readonly [ChildServer, ChildServer];
  /** The process in `slot` now. */
  process(slot: PairSlot): ChildServer;
  /** `kill -9` of the process in `slot`; resolves once it is gone. */
  kill(slot: PairSlot): Promise<void>;
  /**
   * Starts `slot` anew on the same database and Redis (on a new port): once the old process is
   * gone, after stopping it gracefully if it still runs. Resolves with the new process.
   */
  restart(slot: PairSlot): Promise<ChildServer>;
  /**
   * Stops both gracefully (those still running; `kill -9` after 20 s) and drops the database
   * if the pair made it. Resolves with their exit statuses: null for one that was gone already
   * or had to be killed. Safe to call twice.
   */
  stop(): Promise<Array<number | null>>;
}

function isRunning(server: ChildServer): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}

/** How long a graceful stop may take before the process is killed: cleanup stays bounded. */
const STOP_TIMEOUT_MS = 20_000;

/** SIGTERM, and `kill -9` if it has not exited in time (its status is then null). */
async function stopWithin(server: ChildServer): Promise<number | null> {
  if (!isRunning(server)) return null;
  let timer: NodeJS.Timeout | undefined;
  const tooLate = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), STOP_TIMEOUT_MS);
  });
  const status = await Promise.race([stopGracefully(server.child), tooLate]);
  clearTimeout(timer);
  if (status === null) await killHard(server.child);
  return status;
}

/** Starts two processes, one after the other: the first creates the schema and the admin. */
export async function startProcessPair(options: ProcessPairOptions = {}): Promise<ProcessPair> {
  const redisUrl = options.redisUrl ?? process.env.STANDPUNT_TEST_REDIS_URL;
  if (!redisUrl) {
    throw new Error('STANDPUNT_TEST_REDIS_URL is not set (scripts/test.sh sets it)');
  }
  const ownDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase());
  const env = {
    STANDPUNT_DATABASE_URL: database.url,
    STANDPUNT_REDIS_URL: redisUrl,
    ...(options.quietCompaction === false ? {} : QUIET_COMPACTION),
    ...options.settings,
  };
  // DATA_DIR is still read at start; with PostgreSQL it holds nothing the processes share.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-pair-'));
  // The 'file' backend keeps spawnServer from making a database of its own for `dataDir`:
  // STANDPUNT_DATABASE_URL in `env` already puts both processes on PostgreSQL.
  const start = () => spawnServer(dataDir, env, { backend: 'file' });
  const processes: [ChildServer, ChildServer] = [await start(), await start()];

  return {
    database,
    redisUrl,
    get processes() {
      return processes;
    },
    process: (slot) => processes[slot],
    kill: (slot) => killHard(processes[slot].child),
    async restart(slot) {
      const old = processes[slot];
      if (isRunning(old)) await stopGracefully(old.child);
      processes[slot] = await start();
      return processes[slot];
    },
    async stop() {
      const statuses = await Promise.all(processes.map(stopWithin));
      if (ownDatabase) await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
      return statuses;
    },
  };
}
