import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '@standpunt/shared';
import { inBatches, LoadApi } from './loadApi.js';
import { LoadClient, type LoadClientCounters } from './LoadClient.js';
import { LOAD_ADMIN, LoadServer, type MemorySample } from './LoadServer.js';

export interface LoadOptions {
  clients: number;
  papers: number;
  minutes: number;
  /** Average seconds between one client's keystrokes. */
  keystrokeSeconds: number;
  log(message: string): void;
}

export interface LoadResult {
  options: Omit<LoadOptions, 'log'>;
  accounts: number;
  keystrokes: number;
  updatesReceived: number;
  presenceReceived: number;
  samples: MemorySample[];
  convergedPapers: number;
  storedEqual: number;
  settleSeconds: number;
  errors: string[];
  serverProblems: string[];
}

/** How many clients share one account: like one person with a few tabs open. */
const CLIENTS_PER_ACCOUNT = 5;
const SAMPLE_EVERY_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stateOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
const contentOf = (doc: Y.Doc) => doc.getXmlFragment(CONTENT_FRAGMENT).toString();

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * The load run: accounts and papers through the API, then `clients` websocket clients across
 * `papers` papers typing with presence for `minutes`, sampling the server every 10 s; then
 * every paper's clients must hold the same doc, equal to what a fresh client loads.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { clients: clientCount, papers: paperCount, minutes, keystrokeSeconds, log } = options;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-load-'));
  const server = await LoadServer.start(dataDir);
  const counters: LoadClientCounters = { updatesReceived: 0, presenceReceived: 0, errors: [] };
  const clients: LoadClient[] = [];
  try {
    const admin = await LoadApi.signIn(server.url, LOAD_ADMIN.email, LOAD_ADMIN.password);
    const accountCount = Math.ceil(clientCount / CLIENTS_PER_ACCOUNT);
    log(`creating ${paperCount} papers and ${accountCount} accounts`);
    const paperIds = await inBatches(
      [...Array(paperCount).keys()],
      8,
      async (p) =>
        (
          await admin.request<{ id: string }>('POST', '/api/papers', {
            title: `Last ${p}`,
            theme: 'Belasting',
          })
        ).id,
    );
    const accounts = await inBatches([...Array(accountCount).keys()], 4, async (a) => {
      const email = `persoon${a}@load.test`;
      const password = `wachtwoord-van-persoon-${a}`;
      const user = await admin.request<{ id: string }>('POST', '/api/users', {
        email,
        name: `Persoon ${a}`,
        municipality: 'GM0363',
        password,
      });
      // Client c uses account c % accounts and paper c % papers: one paper per account.
      const paperId = paperIds[a % paperCount] as string;
      await admin.request('PUT', `/api/papers/${paperId}/members/${user.id}`, { role: 'writer' });
      return (await LoadApi.signIn(server.url, email, password)).cookie;
    });

    log(`opening ${clientCount} websocket clients`);
    for (let start = 0; start < clientCount; start += 50) {
      const batch = [...Array(Math.min(50, clientCount - start)).keys()].map((i) => {
        const c = start + i;
        const client = new LoadClient(
          server.url,
          paperIds[c % paperCount] as string,
          accounts[c % accountCount] as string,
          `Persoon ${c % accountCount} (tab ${c})`,
          counters,
        );
        clients.push(client);
        return client;
      });
      await Promise.all(batch.map((client) => client.synced));
    }
    for (const client of clients) client.begin();

    log(`typing for ${minutes} min`);
    const started = Date.now();
    const samples: MemorySample[] = [server.sample(0)];
    const sampler = setInterval(() => {
      samples.push(server.sample(Math.round((Date.now() - started) / 1000)));
      const last = samples.at(-1) as MemorySample;
      log(
        `  ${last.atSeconds} s: rss ${last.rssMb.toFixed(0)} MB, cpu ${last.cpuSeconds.toFixed(0)} s`,
      );
    }, SAMPLE_EVERY_MS);
    const timers = clients.map((client) => {
      const tick = () => {
        client.type();
        timer.ref = setTimeout(tick, (0.5 + Math.random()) * keystrokeSeconds * 1000);
      };
      const timer = { ref: setTimeout(tick, Math.random() * keystrokeSeconds * 1000) };
      return timer;
    });
    await sleep(minutes * 60_000);
    for (const timer of timers) clearTimeout(timer.ref);
    clearInterval(sampler);
    samples.push(server.sample(Math.round((Date.now() - started) / 1000)));

    log('settling');
    const settleStart = Date.now();
    await Promise.all(clients.map((client) => client.roundTrip()));
    const byPaper = paperIds.map((id) => clients.filter((client) => client.paperId === id));
    const converged = () =>
      byPaper.filter((group) => new Set(group.map((client) => stateOf(client.doc))).size === 1)
        .length;
    await until(() => converged() === paperCount, 60_000);
    const settleSeconds = (Date.now() - settleStart) / 1000;
    const convergedPapers = byPaper.filter(
      (group) =>
        new Set(group.map((client) => stateOf(client.doc))).size === 1 &&
        new Set(group.map((client) => contentOf(client.doc))).size === 1,
    ).length;

    // What the server holds: one fresh client per paper must load exactly the same.
    let storedEqual = 0;
    for (const [p, paperId] of paperIds.entries()) {
      const fresh = new LoadClient(server.url, paperId, admin.cookie, 'lezer', {
        updatesReceived: 0,
        presenceReceived: 0,
        errors: counters.errors,
      });
      await fresh.synced;
      const group = byPaper[p] as LoadClient[];
      if (group.every((client) => contentOf(client.doc) === contentOf(fresh.doc))) storedEqual++;
      await fresh.close();
    }
    return {
      options: { clients: clientCount, papers: paperCount, minutes, keystrokeSeconds },
      accounts: accountCount,
      keystrokes: clients.reduce((sum, client) => sum + client.keystrokes, 0),
      updatesReceived: counters.updatesReceived,
      presenceReceived: counters.presenceReceived,
      samples,
      convergedPapers,
      storedEqual,
      settleSeconds,
      errors: counters.errors,
      serverProblems: server.problems(),
    };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
