import { spawnSync } from 'node:child_process';
import os from 'node:os';

function setAffinity(pid: number, cores: string): boolean {
  // -a: every thread of the process (V8's and libuv's helpers too), not only the main one.
  const result = spawnSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
  return result.status === 0;
}

/**
 * Gives the server under test a core of its own and the load generator the others, so that
 * neither waits for the other's turn on a shared core: what the figures measure is then the
 * server. Several server processes (`pnpm bench:cluster`) share that one core. Returns a
 * function that lets all of them use every core again, or null when the machine has one core,
 * no `taskset`, or BENCH_SHARED_CORES is set (to compare).
 */
export function separateCores(...serverPids: number[]): (() => void) | null {
  const cores = os.availableParallelism();
  if (cores < 2 || process.env.BENCH_SHARED_CORES) return null;
  const all = `0-${cores - 1}`;
  const serverCore = String(cores - 1);
  const generatorCores = cores === 2 ? '0' : `0-${cores - 2}`;
  const undo = () => {
    setAffinity(process.pid, all);
    for (const pid of serverPids) setAffinity(pid, all);
  };
  if (!serverPids.every((pid) => setAffinity(pid, serverCore))) {
    undo();
    return null;
  }
  if (!setAffinity(process.pid, generatorCores)) {
    undo();
    return null;
  }
  return undo;
}
