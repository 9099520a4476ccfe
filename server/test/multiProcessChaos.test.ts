/**
 * Chaos on two processes: ten clients, half on each of two built server processes (one
 * PostgreSQL, one Redis), type into one paper while one process is killed with `kill -9` and
 * started again. Its clients fail over to the other process and keep typing. At every kill the
 * database holds every edit any client had seen relayed; in the end every client, a fresh
 * client on each process and the database hold the same text, with every edit anyone typed, each
 * once. Run twice: with the update log kept, and compacting often.
 *
 * CI size by default; longer on demand:
 *   STANDPUNT_MULTI_CHAOS_SECONDS=120 STANDPUNT_MULTI_CHAOS_KILLS=20 \
 *     pnpm exec vitest run server/test/multiProcessChaos.test.ts
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '@standpunt/shared';
import { CollabClient } from './CollabClient.js';
import { blockTexts } from './contentHelpers.js';
import { ADMIN, ApiClient, createPaper, createPerson } from './helpers.js';
import {
  startProcessPair,
  type PairSlot,
  type ProcessPair,
  type ProcessPairOptions,
} from './processPair.js';
import { ReconnectingClient } from './ReconnectingClient.js';
import { randomBetween, reportSeedOnFailure } from './chaosRandom.js';

const envInt = (name: string, fallback: number) => Number(process.env[name] ?? '') || fallback;
const SECONDS = envInt('STANDPUNT_MULTI_CHAOS_SECONDS', 12);
const KILLS = envInt('STANDPUNT_MULTI_CHAOS_KILLS', 2);
const CLIENTS = envInt('STANDPUNT_MULTI_CHAOS_CLIENTS', 10);

const TOKEN = /k\d+\.\d+/g;

/** Every token (`k<client>.<n>`) in a doc's text, in order, repeats included. */
function tokenList(doc: Y.Doc): string[] {
  return blockTexts(doc).join(' ').match(TOKEN) ?? [];
}

/** Waits for a condition, checking every 50 ms; fails with `what` after `timeoutMs`. */
async function until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

/** `promise`, or a failure naming `what` after `timeoutMs`: no step of the test hangs. */
async function within<T>(what: string, promise: Promise<T>, timeoutMs = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const tooLate = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, tooLate]);
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const otherSlot = (slot: PairSlot): PairSlot => (slot === 0 ? 1 : 0);

/**
 * What a load balancer in front of the pair does with a connecting client: it sends the
 * client to its own process (half of the clients have each) while that one is up, and to the
 * other one while it is down. That is what a balancer with health checks does (nginx retrying
 * the next upstream, a Kubernetes Service dropping an unready pod): a new connection goes to a
 * backend that answers, rather than waiting for a dead one to come back, and open sockets are
 * not moved. So after a kill the victim's clients fail over to the survivor and stay there,
 * also once the victim runs again.
 *
 * A balancer notices a dead backend only after a moment (failed connects, a missed health
 * check); until {@link markDown}, reconnects still go to the dead process and fail. The test
 * reads the database in that moment, as the crash left it, before the failed-over clients send
 * their edits again and so could cover up one that was relayed but never stored.
 */
class Balancer {
  readonly #down = new Set<PairSlot>();

  constructor(private readonly pair: ProcessPair) {}

  /** Where a client of `home` connects now. */
  slotFor(home: PairSlot): PairSlot {
    if (!this.#down.has(home)) return home;
    const other = otherSlot(home);
    if (this.#down.has(other)) throw new Error('both processes are down');
    return other;
  }

  url(slot: PairSlot): string {
    return this.pair.process(slot).url;
  }

  markDown(slot: PairSlot): void {
    this.#down.add(slot);
  }

  markUp(slot: PairSlot): void {
    this.#down.delete(slot);
  }
}

/** One typist: its own paragraph in the paper, a token every ~100 ms, online or not. */
class Typist {
  readonly client: ReconnectingClient;
  typed = 0;
  /** The process its current (or last attempted) connection went to. */
  slot: PairSlot;
  #text: Y.XmlText | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    readonly index: number,
    readonly home: PairSlot,
    paperId: string,
    balancer: Balancer,
    readonly cookie: string,
  ) {
    this.slot = home;
    this.client = new ReconnectingClient(
      paperId,
      () => {
        this.slot = balancer.slotFor(home);
        return balancer.url(this.slot);
      },
      cookie,
    );
  }

  /** Adds its own paragraph (schema-valid: a block id, text inside) once synced. */
  async begin(): Promise<void> {
    this.client.start();
    await this.client.whenSynced();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('id', randomUUID());
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    const fragment = this.client.doc.getXmlFragment(CONTENT_FRAGMENT);
    fragment.insert(fragment.length, [paragraph]);
    this.#text = text;
    await this.client.roundTrip();
  }

  startTyping(): void {
    const tick = () => {
      this.#text?.insert(this.#text.length, ` k${this.index}.${++this.typed}`);
      this.#timer = setTimeout(tick, randomBetween(60, 140));
    };
    tick();
  }

  stopTyping(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Every token it typed. */
  typedTokens(): string[] {
    return Array.from({ length: this.typed }, (_, n) => `k${this.index}.${n + 1}`);
  }

  /**
   * Tokens in its doc that other clients typed: edits it received through a server, which
   * (directly or through the other process) stored them before relaying them.
   */
  receivedFromOthers(): string[] {
    const own = `k${this.index}.`;
    return tokenList(this.client.doc).filter((token) => !token.startsWith(own));
  }
}

/** The paper's content as PostgreSQL holds it: its snapshot (if any) and each logged update. */
async function storedContent(
  databaseUrl: string,
  paperId: string,
): Promise<{ snapshot: Uint8Array | null; log: Uint8Array[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One statement: one snapshot of the database, as the server itself loads a paper.
    const { rows } = await client.query<{ kind: string; bytes: Buffer }>(
      `select 'snapshot' as kind, state as bytes, null::bigint as id
         from doc_snapshots where paper_id = $1 and doc = 'content'
       union all
       select 'log' as kind, update as bytes, id
         from doc_updates where paper_id = $1 and doc = 'content'
       order by id nulls first`,
      [paperId],
    );
    const snapshot = rows.find((row) => row.kind === 'snapshot');
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.bytes) : null,
      log: rows.filter((row) => row.kind === 'log').map((row) => new Uint8Array(row.bytes)),
    };
  } finally {
    await client.end();
  }
}

/** A doc made of what is stored, read without any server. */
function docOf({ snapshot, log }: { snapshot: Uint8Array | null; log: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  for (const update of snapshot ? [snapshot, ...log] : log) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * Logged updates that hold the same insertions (Yjs struct ids) as another logged update, as
 * groups of such rows, and the Yjs clients whose insertions they repeat. A process stores what
 * its clients send and never what another process tells it, so a repeat needs a crash between
 * storing a batch and announcing it: the survivor then lacks the batch, and the victim's
 * clients send it once more. That is at most one group per kill, of the victim's clients.
 */
function repeatedInsertions(log: Uint8Array[]): { groups: number; clients: Set<number> } {
  const parent = log.map((_, row) => row);
  const root = (row: number): number => {
    while (parent[row] !== row) row = parent[row] = parent[parent[row]!]!;
    return row;
  };
  const byClient = new Map<number, Array<{ start: number; end: number; row: number }>>();
  log.forEach((update, row) => {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct instanceof Y.Skip) continue;
      const { client, clock } = struct.id;
      const ranges = byClient.get(client) ?? [];
      ranges.push({ start: clock, end: clock + struct.length, row });
      byClient.set(client, ranges);
    }
  });
  const clients = new Set<number>();
  for (const [client, ranges] of byClient) {
    ranges.sort((x, y) => x.start - y.start);
    // Overlapping ranges merge into runs; the rows of a run share insertions.
    let runEnd = -1;
    let runRow = -1;
    for (const { start, end, row } of ranges) {
      if (start < runEnd && row !== runRow) {
        parent[root(row)] = root(runRow);
        clients.add(client);
      }
      if (start >= runEnd) runRow = row;
      runEnd = Math.max(runEnd, end);
    }
  }
  const sizes = new Map<number, number>();
  log.forEach((_, row) => sizes.set(root(row), (sizes.get(root(row)) ?? 0) + 1));
  return { groups: [...sizes.values()].filter((size) => size > 1).length, clients };
}

/** Lines of a process's output that tell of a refused client or a failed write. */
function troubleIn(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /malformed|\b4400\b|could not store|could not handle/.test(line));
}

/**
 * How the processes compact. With the log kept, every update stays a row of its own until the
 * paper is unloaded, so that repeats can be counted; compacting every 40 updates (as
 * chaos.test.ts does) makes kills land in compactions, the survivor's and the victim's, and
 * leaves fewer rows to count repeats in.
 */
const SCENARIOS: Array<{ name: string; options: ProcessPairOptions }> = [
  { name: 'update log kept', options: {} },
  {
    name: 'compacting every 40 updates',
    options: {
      quietCompaction: false,
      settings: { STANDPUNT_COMPACT_AFTER_UPDATES: '40', STANDPUNT_COMPACT_INTERVAL_MS: '2000' },
    },
  },
];

reportSeedOnFailure();

describe('chaos: kill -9 of one of two processes while clients type on both (runs the built server)', () => {
  let pair: ProcessPair | null = null;
  let typists: Typist[] = [];
  afterEach(async () => {
    typists.forEach((typist) => {
      typist.stopTyping();
      typist.client.stop();
    });
    typists = [];
    await pair?.stop();
    pair = null;
  });

  for (const scenario of SCENARIOS) {
    it(
      `${scenario.name}: ${CLIENTS} clients keep every relayed edit through ${KILLS} kills in ${SECONDS} s`,
      // Each kill adds a restart (a second or two, more on a busy machine) to the run.
      { timeout: (SECONDS + KILLS * 15 + 120) * 1000 },
      async () => {
        pair = await startProcessPair(scenario.options);
        const balancer = new Balancer(pair);
        const admin = new ApiClient(pair.process(0).url);
        await admin.signIn(ADMIN.email, ADMIN.password);
        const paperId = (await createPaper(admin, 'Chaos over twee processen')).id;
        for (let i = 0; i < CLIENTS; i++) {
          // An account per client, each a writer; its session (in the database) works on both.
          const { user, client } = await createPerson(admin, `Typist ${i}`, 'GM0363');
          const added = await admin.request('PUT', `/api/papers/${paperId}/members/${user.id}`, {
            role: 'writer',
          });
          expect(added.status).toBe(200);
          const home: PairSlot = i % 2 === 0 ? 0 : 1;
          typists.push(new Typist(i, home, paperId, balancer, client.cookie ?? ''));
        }
        await within(
          'every typist to add its paragraph',
          Promise.all(typists.map((typist) => typist.begin())),
        );
        expect(new Set(typists.map((typist) => typist.slot))).toEqual(new Set([0, 1]));
        typists.forEach((typist) => typist.startTyping());

        /** Per kill: the relayed edits known then, and those the database did not hold. */
        const kills: Array<{
          victim: PairSlot;
          relayed: number;
          /** Of those, typed on the victim and seen on the survivor: relayed through Redis. */
          crossed: number;
          notStored: string[];
        }> = [];
        const relayed = new Set<string>();
        /** Yjs client ids of the typists connected to a process when it was killed. */
        const victimClientIds = new Set<number>();
        const trouble: string[] = [];
        const averageMs = (SECONDS * 1000) / (KILLS + 1);
        for (let round = 0; round < KILLS; round++) {
          await sleep(randomBetween(0.5, 1.5) * averageMs);
          const victim: PairSlot = round % 2 === 0 ? 0 : 1;
          const survivor = otherSlot(victim);
          const victimsClients = typists.filter((typist) => typist.slot === victim);
          for (const typist of victimsClients) victimClientIds.add(typist.client.doc.clientID);
          trouble.push(...troubleIn(pair.process(victim).output()));
          await pair.kill(victim);

          // Everything relayed up to now, by either process, must be in the database already.
          for (const typist of typists)
            for (const token of typist.receivedFromOthers()) relayed.add(token);
          const stored = new Set(tokenList(docOf(await storedContent(pair.database.url, paperId))));
          const victimTyped = new Set(victimsClients.map((typist) => `k${typist.index}`));
          const seenOnSurvivor = typists
            .filter((typist) => typist.slot === survivor)
            .flatMap((typist) => typist.receivedFromOthers());
          kills.push({
            victim,
            relayed: relayed.size,
            crossed: new Set(
              seenOnSurvivor.filter((token) => victimTyped.has(token.slice(0, token.indexOf('.')))),
            ).size,
            notStored: [...relayed].filter((token) => !stored.has(token)),
          });

          // The balancer notices; the victim's clients reconnect to the survivor and resync.
          balancer.markDown(victim);
          await until(
            'the victim’s clients are synced on the surviving process',
            () => victimsClients.every((t) => t.client.isSynced && t.slot === survivor),
            20_000,
          );
          await pair.restart(victim);
          balancer.markUp(victim);
        }
        await sleep(averageMs);
        typists.forEach((typist) => typist.stopTyping());

        // Settle: every client's edits handled, every client with the same state.
        await within(
          'a round trip of every client',
          Promise.all(typists.map((typist) => typist.client.roundTrip())),
        );
        const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
        await until('every client has the same state', () => {
          return new Set(typists.map((typist) => vector(typist.client.doc))).size === 1;
        });
        const finalDoc = (typists[0] as Typist).client.doc;
        const finalTexts = blockTexts(finalDoc);
        const finalTokens = tokenList(finalDoc);
        for (const typist of typists) expect(blockTexts(typist.client.doc)).toEqual(finalTexts);

        // What PostgreSQL holds, read before the fresh clients below: a process that loads the
        // paper for one of them alone compacts it when that client leaves.
        const content = await storedContent(pair.database.url, paperId);
        const storedTexts = blockTexts(docOf(content));
        const repeats = repeatedInsertions(content.log);

        // A fresh client on each process: one has the paper in memory, the restarted one loads
        // it from the database.
        const freshTexts: string[][] = [];
        for (const slot of [0, 1] as const) {
          const fresh = new CollabClient(pair.process(slot).url, paperId, {
            cookie: (typists[0] as Typist).cookie,
          });
          await within(`a fresh client synced on process ${slot}`, fresh.synced);
          freshTexts.push(blockTexts(fresh.doc));
          await fresh.close();
        }

        const everyTyped = typists.flatMap((typist) => typist.typedTokens());
        const inFinal = new Set(finalTokens);
        const lostTyped = everyTyped.filter((token) => !inFinal.has(token));
        const lostRelayed = [...relayed].filter((token) => !inFinal.has(token));
        const counts = new Map<string, number>();
        for (const token of finalTokens) counts.set(token, (counts.get(token) ?? 0) + 1);
        const typedTwice = [...counts].filter(([, count]) => count > 1).map(([token]) => token);
        const reconnects = typists.reduce((sum, t) => sum + t.client.connections - 1, 0);
        const fatal = typists.flatMap((t) => t.client.fatalCloses);
        const closeCodes = new Map<number, number>();
        for (const typist of typists)
          for (const [code, count] of typist.client.closeCodes)
            closeCodes.set(code, (closeCodes.get(code) ?? 0) + count);
        typists.forEach((typist) => typist.client.stop());
        for (const slot of [0, 1] as const) trouble.push(...troubleIn(pair.process(slot).output()));
        const exitStatuses = await pair.stop();

        console.log(
          `multi-process chaos (${scenario.name}): ${CLIENTS} clients, ${SECONDS} s, kills ${kills.length} ` +
            `(relayed before each: ${kills.map((k) => `${k.relayed}, ${k.crossed} across`).join('; ')}), reconnects ${reconnects} ` +
            `(closes by code ${JSON.stringify(Object.fromEntries(closeCodes))}), edits made ${everyTyped.length}, ` +
            `logged updates ${content.log.length}, groups of rows repeating insertions ${repeats.groups}`,
        );
        expect(kills).toHaveLength(KILLS);
        // Relayed means stored: at every kill the database held each edit any client had seen.
        expect(kills.map((k) => k.relayed)).not.toContain(0);
        // The first kill finds clients on both processes: edits had crossed between them.
        expect(kills[0]?.crossed).toBeGreaterThan(0);
        expect(kills.map((k) => k.notStored)).toEqual(kills.map(() => []));
        // (a) Every relayed edit is in the final text; so is everything typed (clients keep what
        // they typed while their process was gone and resync it), and each exactly once.
        expect(lostRelayed).toEqual([]);
        expect(lostTyped).toEqual([]);
        expect(typedTwice).toEqual([]);
        expect(finalTokens).toHaveLength(everyTyped.length);
        // (b) Both processes serve the same text as every client has.
        expect(freshTexts).toEqual([finalTexts, finalTexts]);
        // (c) The database holds it too.
        expect(storedTexts).toEqual(finalTexts);
        // (d) Nothing stored twice beyond what a kill between storing and announcing explains
        // (when compacting, among the rows not yet folded into the snapshot).
        expect(repeats.groups).toBeLessThanOrEqual(KILLS);
        expect([...repeats.clients].filter((client) => !victimClientIds.has(client))).toEqual([]);
        // No client was refused, and every socket that closed was closed by a kill (1006).
        expect(fatal).toEqual([]);
        expect(trouble.slice(0, 3)).toEqual([]);
        expect([...closeCodes.keys()].filter((code) => code !== 1006)).toEqual([]);
        expect(exitStatuses).toEqual([0, 0]);
      },
    );
  }
});
