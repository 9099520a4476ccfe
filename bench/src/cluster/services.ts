import { spawnSync } from 'node:child_process';
import { alive, parentOf } from './cpuUse.js';
import { describePostgres, psql } from './freshDatabase.js';

/** The PostgreSQL and Redis that scripts/services.sh started (or found) for this run. */
export interface Services {
  /** A database on the PostgreSQL server, from which fresh ones are created. */
  postgresUrl: string;
  redisUrl: string;
  /** Their processes, when they run on this machine (for their CPU use); else null. */
  postmasterPid: number | null;
  redisPid: number | null;
}

function redisInfo(url: string, field: string): string | null {
  const result = spawnSync('redis-cli', ['-u', url, 'info', 'server'], { encoding: 'utf8' });
  return new RegExp(`^${field}:(\\S+)`, 'm').exec(result.stdout ?? '')?.[1] ?? null;
}

function localPid(pid: number): number | null {
  return pid > 0 && alive(pid) ? pid : null;
}

export function servicesFromEnv(env: NodeJS.ProcessEnv = process.env): Services {
  const postgresUrl = env.STANDPUNT_TEST_DATABASE_URL;
  const redisUrl = env.STANDPUNT_TEST_REDIS_URL;
  if (!postgresUrl || !redisUrl) {
    throw new Error(
      'STANDPUNT_TEST_DATABASE_URL and STANDPUNT_TEST_REDIS_URL are not set: run `pnpm bench:cluster`' +
        ' from the repository root, which starts a PostgreSQL and a Redis (scripts/services.sh)',
    );
  }
  // The postmaster is the parent of every backend; the checkpointer lives as long as it does.
  const checkpointer = Number(
    psql(postgresUrl, "select pid from pg_stat_activity where backend_type = 'checkpointer'"),
  );
  const postmaster = localPid(checkpointer) === null ? null : parentOf(checkpointer);
  return {
    postgresUrl,
    redisUrl,
    postmasterPid: postmaster === null ? null : localPid(postmaster),
    redisPid: localPid(Number(redisInfo(redisUrl, 'process_id'))),
  };
}

/** "PostgreSQL 15.18, fsync on, synchronous_commit on; Redis 7.0.15". */
export function describeServices(services: Services): string {
  const redisVersion = redisInfo(services.redisUrl, 'redis_version') ?? 'unknown';
  return `${describePostgres(services.postgresUrl)}; Redis ${redisVersion}`;
}
