import { randomInt } from 'node:crypto';
import { DeliveryTracker } from '../DeliveryTracker.js';
import { distribution, percentile, sleep } from '../stats.js';
import { closeAll, openClients, type Scenario } from './Scenario.js';

const RECEIVERS = 50;

/** a. One typist, 50 receivers: time until all received a keystroke. */
export const oneTypist: Scenario = {
  id: 'a',
  title: 'one typist, 50 receivers',
  async run({ clients, quick, log }) {
    const [doc = ''] = await clients.newDocs(1);
    const tracker = new DeliveryTracker();
    // The receivers on the last process and the typist on the first: on two processes, every
    // keystroke crosses from one to the other (stored, then told over Redis).
    const receivers = await openClients(clients.last, doc, RECEIVERS, () => {
      const clientId = randomInt(2 ** 31);
      return { clientId, onUpdate: tracker.receiver(clientId) };
    });
    const [typist] = await openClients(clients.first, doc, 1);
    if (!typist) throw new Error('no typist');
    const keystrokes = quick ? 150 : 2000;
    const warmup = 30;
    for (let i = 0; i < warmup + keystrokes; i++) {
      const clock = typist.type();
      tracker.sent(typist.doc.clientID, clock, RECEIVERS);
      await tracker.delivered();
      await sleep(5);
    }
    const measured = tracker.allReceived.slice(warmup);
    log(`  all received: ${distribution(measured)}`);
    await closeAll([typist, ...receivers]);
    return { 'a.p50': percentile(measured, 50), 'a.p99': percentile(measured, 99) };
  },
};

const KEYS_PER_SECOND = 5;

async function openLoop(
  context: Parameters<Scenario['run']>[0],
  count: number,
): Promise<{ p50: number; p99: number; max: number }> {
  // On several processes the typists alternate between them, each receiving from all.
  const { clients, quick } = context;
  const [doc = ''] = await clients.newDocs(1);
  const tracker = new DeliveryTracker();
  const all = await openClients(clients, doc, count, () => {
    const clientId = randomInt(2 ** 31);
    return { clientId, onUpdate: tracker.receiver(clientId) };
  });
  const durationMs = quick ? 6_000 : 10_000;
  const interval = 1000 / KEYS_PER_SECOND;
  const timers: NodeJS.Timeout[] = [];
  // Every client types on its own clock, whatever the server does: an open loop.
  for (const client of all) {
    const start = setTimeout(() => {
      timers.push(
        setInterval(() => {
          tracker.sent(client.doc.clientID, client.type(), count - 1);
        }, interval),
      );
    }, Math.random() * interval);
    timers.push(start);
  }
  await sleep(durationMs);
  for (const timer of timers) clearInterval(timer);
  const drainMs = 20_000;
  const drained = await Promise.race([
    tracker.delivered().then(() => true),
    sleep(drainMs).then(() => false),
  ]);
  const samples = tracker.samples;
  await closeAll(all);
  context.log(`  ${count} clients: ${distribution(samples, [50, 90, 95, 98, 99])}`);
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    // Undelivered after the drain: at least the whole run plus the drain.
    max: drained ? percentile(samples, 100) : durationMs + drainMs,
  };
}

/** b. Open loop: 50 and 100 clients each typing 5 keys a second into one paper. */
export const openLoopTyping: Scenario = {
  id: 'b',
  title: 'open loop, 50 and 100 clients × 5 keys/s',
  async run(context) {
    const values: Record<string, number> = {};
    for (const clients of [50, 100]) {
      const { p50, p99, max } = await openLoop(context, clients);
      values[`b.${clients}.p50`] = p50;
      values[`b.${clients}.p99`] = p99;
      values[`b.${clients}.max`] = max;
      await sleep(1000);
    }
    return values;
  },
};
