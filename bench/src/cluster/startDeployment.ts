import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { separateCores } from '../cpuAffinity.js';
import type { LoopBlock } from '../loopBlocks.js';
import { ServerGroup } from '../ServerGroup.js';
import { ServerHandle } from '../ServerHandle.js';
import type { Watched } from './cpuUse.js';
import type { Deployment } from './deployments.js';
import { FreshDatabase } from './freshDatabase.js';
import type { Services } from './services.js';

export interface LoopBlocks {
  pid: number;
  longestMs: number;
  /** With BENCH_SERVER_PROFILE: when the blocks of BLOCK_LIMIT_MS or more were. */
  recorded: LoopBlock[];
}

/** A deployment's server processes, running, and how to take them down again. */
export interface RunningDeployment {
  group: ServerGroup;
  /** Whose CPU use counts: the server processes, and the services they use. */
  watched: Watched;
  /** Gives the processes a core apart from the generator (see cpuAffinity); undone by stop. */
  separateCores(): void;
  /** What blocked each process's event loop since the last call (or since the start). */
  loopBlocks(): Promise<LoopBlocks[]>;
  /** Stops the processes, drops the database and removes the data dirs. */
  stop(): Promise<void>;
}

/**
 * Starts `deployment` for one scenario: its processes one after the other (two starting at once
 * on an empty database would both create the first admin), on a database created for it.
 */
export async function startDeployment(
  deployment: Deployment,
  services: Services,
  databaseName: string,
): Promise<RunningDeployment> {
  const database = deployment.database
    ? FreshDatabase.create(services.postgresUrl, databaseName)
    : null;
  const storage = {
    databaseUrl: database?.url,
    redisUrl: deployment.redis ? services.redisUrl : undefined,
  };
  const dataDirs: string[] = [];
  const processes: ServerHandle[] = [];
  let undoCores: (() => void) | null = null;
  const stop = async () => {
    undoCores?.();
    undoCores = null;
    await Promise.all(processes.map((process) => process.stop()));
    database?.drop();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < deployment.processes; i++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `standpunt-bench-${deployment.id}-`));
      dataDirs.push(dataDir);
      processes.push(await ServerHandle.start('ours', dataDir, '', storage));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const [first, ...rest] = processes;
  if (!first) throw new Error(`${deployment.id} has no processes`);
  return {
    group: new ServerGroup([first, ...rest]),
    watched: {
      servers: processes.map((process) => process.pid),
      postmaster: deployment.database ? services.postmasterPid : null,
      redis: deployment.redis ? services.redisPid : null,
    },
    separateCores() {
      undoCores = separateCores(...processes.map((process) => process.pid));
    },
    async loopBlocks() {
      return Promise.all(
        processes.map(async (process) => {
          // d stops the process itself: then its last measurement, taken just before.
          const measured = process.measuredAtStop ?? (await process.measure({ resetLoop: true }));
          return {
            pid: process.pid,
            longestMs: measured.maxLoopBlockMs,
            recorded: measured.loopBlocks,
          };
        }),
      );
    },
    stop,
  };
}
