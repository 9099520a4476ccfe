/**
 * Where the machine's cores went during a scenario: CPU time of the generator, each server
 * process, PostgreSQL (the postmaster and its backends) and Redis, and how long the server
 * processes' main threads waited for a core while ready to run. On a machine whose few cores
 * are shared by all of them, that says whether a figure measured the code or the queue for a
 * core. Read from /proc (Linux).
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

export function alive(pid: number): boolean {
  return fs.existsSync(`/proc/${pid}`);
}

/** The pid of the process's parent, or null when it is gone. */
export function parentOf(pid: number | string): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^PPid:\s+(\d+)$/m.exec(status)?.[1]) || null;
  } catch {
    return null;
  }
}

/** utime + stime, and with `reaped` also what its children that exited used (cutime + cstime). */
function cpuMsOf(pid: number, reaped = false): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which may hold spaces, in parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i] ?? 0));
    const ticks = (utime ?? 0) + (stime ?? 0) + (reaped ? (cutime ?? 0) + (cstime ?? 0) : 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0; // gone meanwhile
  }
}

/** How long the process's main thread waited on a run queue, ready to run, in total. */
function runQueueWaitMs(pid: number): number {
  try {
    const [, waitNs] = fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ');
    return Number(waitNs ?? 0) / 1e6;
  } catch {
    return 0;
  }
}

function childrenOf(parent: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && parentOf(entry) === parent)
    .map(Number);
}

/** The processes whose use is counted, by pid. */
export interface Watched {
  servers: number[];
  /** PostgreSQL's postmaster: its backends come and go, and it reaps their CPU time. */
  postmaster: number | null;
  redis: number | null;
}

interface Sample {
  at: number;
  generatorMs: number;
  generatorWaitMs: number;
  serverMs: number[];
  serverWaitMs: number[];
  postgresMs: number;
  redisMs: number;
}

function sample(watched: Watched): Sample {
  const { postmaster } = watched;
  return {
    at: performance.now(),
    generatorMs: cpuMsOf(process.pid),
    generatorWaitMs: runQueueWaitMs(process.pid),
    serverMs: watched.servers.map((pid) => cpuMsOf(pid)),
    serverWaitMs: watched.servers.map((pid) => runQueueWaitMs(pid)),
    postgresMs:
      postmaster === null
        ? 0
        : cpuMsOf(postmaster, true) +
          childrenOf(postmaster).reduce((sum, pid) => sum + cpuMsOf(pid), 0),
    redisMs: watched.redis === null ? 0 : cpuMsOf(watched.redis),
  };
}

const percent = (ms: number, elapsedMs: number) => `${((ms / elapsedMs) * 100).toFixed(0)}%`;

/**
 * Starts counting; the function it returns describes the use since, e.g. "cpu (100% = one core
 * of 2): generator 48%, servers 31% + 27%, PostgreSQL 22%, Redis 4%; waiting for a core:
 * servers 9% / 12%, generator 3% of the time" (the main threads' waits).
 */
export function countCpuUse(watched: Watched): () => string {
  const before = sample(watched);
  return () => {
    const after = sample(watched);
    const elapsed = after.at - before.at;
    // A server the scenario stopped itself (d restarts it) has nothing left to read.
    const stopped = watched.servers.map((pid) => !alive(pid));
    const servers = after.serverMs.map((ms, i) =>
      stopped[i] ? 'stopped' : percent(ms - (before.serverMs[i] ?? 0), elapsed),
    );
    const waits = after.serverWaitMs.map((ms, i) =>
      stopped[i] ? 'stopped' : percent(ms - (before.serverWaitMs[i] ?? 0), elapsed),
    );
    const parts = [
      `generator ${percent(after.generatorMs - before.generatorMs, elapsed)}`,
      `server${servers.length > 1 ? 's' : ''} ${servers.join(' + ')}`,
    ];
    if (watched.postmaster !== null) {
      parts.push(`PostgreSQL ${percent(after.postgresMs - before.postgresMs, elapsed)}`);
    }
    if (watched.redis !== null)
      parts.push(`Redis ${percent(after.redisMs - before.redisMs, elapsed)}`);
    const generatorWait = percent(after.generatorWaitMs - before.generatorWaitMs, elapsed);
    return (
      `cpu (100% = one core of ${os.cpus().length}): ${parts.join(', ')}; ` +
      `waiting for a core: server${waits.length > 1 ? 's' : ''} ${waits.join(' / ')}, generator ${generatorWait} of the time`
    );
  };
}
