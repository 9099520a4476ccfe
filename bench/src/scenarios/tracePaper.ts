import { performance } from 'node:perf_hooks';
import { BenchClient } from '../BenchClient.js';
import type { ServerHandle } from '../ServerHandle.js';
import { median, sleep, waitFor } from '../stats.js';
import { tracePaperUpdate } from '../trace.js';
import { closeAll, openClients, type ClientTarget, type Scenario } from './Scenario.js';

/** Creates a document holding the trace paper; returns it and the client that wrote it. */
async function seedTracePaper(server: ClientTarget): Promise<{ doc: string; seeder: BenchClient }> {
  const [doc = ''] = await server.newDocs(1, 'Editing trace');
  const seeder = new BenchClient(server.clientOptions(doc));
  await seeder.synced;
  seeder.sendUpdate(tracePaperUpdate());
  await seeder.roundTrip();
  return { doc, seeder };
}

/** From creating `count` sockets at once until the last of them has its sync step 2. */
async function storm(server: ClientTarget, doc: string, count: number): Promise<number> {
  const start = performance.now();
  const clients = Array.from(
    { length: count },
    (_, i) => new BenchClient(server.clientOptions(doc, i)),
  );
  const synced = await Promise.all(clients.map((client) => client.synced));
  const elapsed = Math.max(...synced) - start;
  await closeAll(clients);
  return elapsed;
}

/** c. Reconnect storm: 100 and 500 clients connect at once to the trace paper. */
export const reconnectStorm: Scenario = {
  id: 'c',
  title: 'reconnect storm on the trace paper',
  async run({ clients, log, startMeasuring }) {
    // The seeder stays, so the paper is in memory for every server alike; on several processes
    // one more client holds it in each of the others.
    const { doc, seeder } = await seedTracePaper(clients.first);
    const holders = (
      await Promise.all(clients.processes.slice(1).map((process) => openClients(process, doc, 1)))
    ).flat();
    await startMeasuring?.();
    const values: Record<string, number> = {};
    for (const count of [100, 500]) {
      values[`c.${count}`] = await storm(clients, doc, count);
      log(`  ${count} clients synced after ${values[`c.${count}`]?.toFixed(0)} ms`);
      await sleep(1000);
    }
    await closeAll([seeder, ...holders]);
    return values;
  },
};

async function timeToSync(server: ServerHandle, doc: string): Promise<number> {
  const start = performance.now();
  const client = new BenchClient(server.clientOptions(doc));
  const synced = await client.synced;
  await client.close();
  return synced - start;
}

async function unloaded(server: ServerHandle): Promise<void> {
  if (server.kind === 'ours') {
    await waitFor(
      async () => (await server.measure()).stats?.loadedPapers === 0,
      20_000,
      'the paper to unload',
    );
  } else {
    // Hocuspocus stores and unloads as soon as the last connection left.
    await sleep(1500);
  }
}

/**
 * d. Cold load of the trace paper from storage: in the running process (warm), and as the first
 * thing a freshly started process does (fresh), from opening the socket until synced.
 */
export const coldLoad: Scenario = {
  id: 'd',
  title: 'cold load of the trace paper',
  servers: ['ours', 'hocuspocus'],
  // One client at a time; and the restarted servers would inherit the generator's core.
  separateCores: false,
  async run({ server, log, startMeasuring }) {
    const { doc, seeder } = await seedTracePaper(server);
    await seeder.close();
    await unloaded(server);
    await startMeasuring?.();
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      warm.push(await timeToSync(server, doc));
      await unloaded(server);
    }
    const fresh: number[] = [];
    let current = server;
    for (let i = 0; i < 3; i++) {
      current = await current.restart();
      fresh.push(await timeToSync(current, doc));
    }
    await current.stop();
    log(
      `  warm ${warm.map((t) => t.toFixed(0)).join(', ')} ms; fresh ${fresh.map((t) => t.toFixed(0)).join(', ')} ms`,
    );
    return { 'd.warm': median(warm), 'd.fresh': median(fresh) };
  },
};
