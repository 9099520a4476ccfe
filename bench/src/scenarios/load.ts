import { BenchClient } from '../BenchClient.js';
import { sleep } from '../stats.js';
import { closeAll, openClients, type Scenario } from './Scenario.js';

/** e. Memory per idle paper with one connection, at 5,000 papers. */
export const idlePapers: Scenario = {
  id: 'e',
  title: 'memory per idle paper',
  async run({ server, quick, log }) {
    const count = quick ? 1000 : 5000;
    const docs = await server.newDocs(count);
    await sleep(500);
    const before = await server.measure({ gc: true });
    const clients: BenchClient[] = [];
    for (let start = 0; start < count; start += 250) {
      const batch = docs
        .slice(start, start + 250)
        .map((doc, i) => new BenchClient(server.clientOptions(doc, start + i)));
      await Promise.all(batch.map((client) => client.synced));
      clients.push(...batch);
    }
    await sleep(1000);
    const after = await server.measure({ gc: true });
    const heapKb = (after.heap - before.heap) / count / 1024;
    const rssKb = (after.rss - before.rss) / count / 1024;
    log(
      `  ${count} papers: heap+external ${heapKb.toFixed(1)} KB, rss ${rssKb.toFixed(1)} KB per paper`,
    );
    await closeAll(clients);
    return { 'e.heap': heapKb, 'e.rss': rssKb };
  },
};

const TYPISTS = 50;
const KEYS_PER_SECOND = 5;

/** f. Persistence under 50 typists across 50 papers: bytes written, longest event-loop block. */
export const persistence: Scenario = {
  id: 'f',
  title: 'persistence, 50 typists across 50 papers',
  async run({ server, quick, log }) {
    const docs = await server.newDocs(TYPISTS);
    const typists = docs.map((doc, i) => new BenchClient(server.clientOptions(doc, i)));
    await Promise.all(typists.map((typist) => typist.synced));
    // Long enough in a full run to include a timed compaction (30 s after the first update).
    const durationMs = quick ? 12_000 : 35_000;
    const before = await server.measure({ resetLoop: true });
    const timers = typists.map((typist) =>
      setInterval(() => typist.type(), 1000 / KEYS_PER_SECOND),
    );
    await sleep(durationMs);
    for (const timer of timers) clearInterval(timer);
    const after = await server.measure();
    const bytesPerSecond = ((after.bytesWritten - before.bytesWritten) * 1000) / durationMs;
    log(
      `  ${(bytesPerSecond / 1024).toFixed(1)} KiB/s written, longest block ${after.maxLoopBlockMs.toFixed(1)} ms, cpu ${(((after.cpuMs - before.cpuMs) / durationMs) * 100).toFixed(0)}%`,
    );
    await closeAll(typists);
    return { 'f.bytes': bytesPerSecond, 'f.block': after.maxLoopBlockMs };
  },
};

const PRESENCE_RENEWAL_MS = 15_000;

/** g. Presence: data messages per second the server sends to 500 idle clients on one paper. */
export const idlePresence: Scenario = {
  id: 'g',
  title: 'presence with 500 idle clients',
  async run({ server, quick, log }) {
    const count = quick ? 200 : 500;
    const [doc = ''] = await server.newDocs(1);
    const clients = await openClients(server, doc, count);
    const presence = (i: number) => ({
      user: { name: `Lezer ${i}`, color: '#336699' },
      cursor: null,
    });
    clients.forEach((client, i) => client.sendPresence(presence(i)));
    // Each renews its unchanged presence every 15 s, as y-protocols' Awareness does.
    const timers: NodeJS.Timeout[] = [];
    clients.forEach((client, i) => {
      timers.push(
        setTimeout(() => {
          client.sendPresence(presence(i));
          timers.push(setInterval(() => client.sendPresence(presence(i)), PRESENCE_RENEWAL_MS));
        }, Math.random() * PRESENCE_RENEWAL_MS),
      );
    });
    await sleep(3000);
    const windowMs = PRESENCE_RENEWAL_MS;
    const received = () => clients.reduce((sum, client) => sum + client.framesReceived, 0);
    const start = received();
    await sleep(windowMs);
    const perSecond = ((received() - start) * 1000) / windowMs;
    for (const timer of timers) clearInterval(timer);
    log(`  ${count} idle clients: ${perSecond.toFixed(0)} messages/s`);
    await closeAll(clients);
    return { 'g.rate': perSecond };
  },
};
