/**
 * Chaos: editing clients type into three papers while the server is killed with `kill -9` at
 * random moments and started again. Clients reconnect and resync. In the end every client and
 * the stored papers (read after a clean restart) are identical, and every edit any client had
 * received from another before a kill is still there.
 *
 * CI size by default; longer on demand:
 *   STANDPUNT_CHAOS_SECONDS=300 STANDPUNT_CHAOS_KILLS=60 pnpm exec vitest run server/test/chaos.test.ts
 */
import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '@standpunt/shared';
import { CollabClient } from './CollabClient.js';
import { killHard, spawnServer, stopGracefully, type ChildServer } from './childServer.js';
import { blockTexts } from './contentHelpers.js';
import { ADMIN, ApiClient, createPaper, createPerson, tempDataDir } from './helpers.js';
import { ReconnectingClient } from './ReconnectingClient.js';
import { randomBetween, reportSeedOnFailure } from './chaosRandom.js';

const envInt = (name: string, fallback: number) => Number(process.env[name] ?? '') || fallback;
const SECONDS = envInt('STANDPUNT_CHAOS_SECONDS', 25);
const KILLS = envInt('STANDPUNT_CHAOS_KILLS', 5);
const CLIENTS = envInt('STANDPUNT_CHAOS_CLIENTS', 10);
const PAPERS = 3;
/** Small, so that kills also land in the middle of compactions. */
const SERVER_ENV = { STANDPUNT_COMPACT_AFTER_UPDATES: '40', STANDPUNT_COMPACT_INTERVAL_MS: '2000' };

/** Every token (`k<client>.<n>`) in a doc's text. */
function tokensIn(doc: Y.Doc): Set<string> {
  return new Set(
    blockTexts(doc)
      .join(' ')
      .match(/k\d+\.\d+/g) ?? [],
  );
}

/** Waits for a condition, checking every 50 ms; fails with `what` after `timeoutMs`. */
async function until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One typist: its own paragraph in a paper, a token every ~100 ms, online or not. */
class Typist {
  readonly client: ReconnectingClient;
  typed = 0;
  #text: Y.XmlText | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    readonly index: number,
    paperId: string,
    url: () => string,
    cookie: string,
  ) {
    this.client = new ReconnectingClient(paperId, url, cookie);
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

  /** Tokens in its doc that other clients typed: edits it received through the server. */
  receivedFromOthers(): string[] {
    return [...tokensIn(this.client.doc)].filter((token) => !token.startsWith(`k${this.index}.`));
  }
}

reportSeedOnFailure();

describe('chaos: kill -9 while clients edit (runs the built server)', () => {
  let dataDir = '';
  let server: ChildServer | null = null;
  afterAll(async () => {
    if (server) await killHard(server.child);
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  it(
    `${CLIENTS} clients on ${PAPERS} papers keep every edit through ${KILLS} kills in ${SECONDS} s`,
    // Each kill adds a restart (about a second, more as the papers grow) to the run.
    { timeout: (SECONDS + KILLS * 4 + 120) * 1000 },
    async () => {
      dataDir = await tempDataDir();
      server = await spawnServer(dataDir, SERVER_ENV);
      const admin = new ApiClient(server.url);
      await admin.signIn(ADMIN.email, ADMIN.password);
      const paperIds: string[] = [];
      for (let p = 0; p < PAPERS; p++) paperIds.push((await createPaper(admin, `Chaos ${p}`)).id);
      const typists: Typist[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        // An account per client, each a writer on its paper, as a working group would be.
        const { user, client } = await createPerson(admin, `Typist ${i}`, 'GM0363');
        const paperId = paperIds[i % PAPERS] as string;
        const added = await admin.request('PUT', `/api/papers/${paperId}/members/${user.id}`, {
          role: 'writer',
        });
        expect(added.status).toBe(200);
        typists.push(new Typist(i, paperId, () => server?.url ?? '', client.cookie ?? ''));
      }
      await Promise.all(typists.map((typist) => typist.begin()));
      typists.forEach((typist) => typist.startTyping());

      // Kills at random moments, on average SECONDS / (KILLS + 1) apart.
      const mustSurvive = new Set<string>();
      /** What the servers logged about refusing a client's message, for the report. */
      const refusals: string[] = [];
      const averageMs = (SECONDS * 1000) / (KILLS + 1);
      let kills = 0;
      const began = Date.now();
      while (kills < KILLS) {
        await new Promise((resolve) => setTimeout(resolve, randomBetween(0.3, 1.7) * averageMs));
        for (const typist of typists)
          for (const token of typist.receivedFromOthers()) mustSurvive.add(token);
        refusals.push(
          ...server
            .output()
            .split('\n')
            .filter((line) => /malformed|\b4400\b/.test(line)),
        );
        await killHard(server.child);
        kills++;
        server = await spawnServer(dataDir, SERVER_ENV);
        if (kills % 10 === 0)
          console.log(`chaos: ${kills} kills after ${Math.round((Date.now() - began) / 1000)} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, averageMs));
      typists.forEach((typist) => typist.stopTyping());

      // Settle: every client synced to the last server, its edits handled, all docs equal.
      await Promise.all(typists.map((typist) => typist.client.roundTrip()));
      const byPaper = paperIds.map((id) => typists.filter((t) => t.client.paperId === id));
      const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
      await until('every client of a paper has the same state', () =>
        byPaper.every((group) => new Set(group.map((t) => vector(t.client.doc))).size === 1),
      );
      const finalTexts = byPaper.map((group) => blockTexts((group[0] as Typist).client.doc));
      for (const [p, group] of byPaper.entries()) {
        for (const typist of group) expect(blockTexts(typist.client.doc)).toEqual(finalTexts[p]);
      }
      const reconnects = typists.reduce((sum, t) => sum + t.client.connections - 1, 0);
      const fatal = typists.flatMap((t) => t.client.fatalCloses);
      const closeCodes = new Map<number, number>();
      for (const t of typists) {
        for (const [code, count] of t.client.closeCodes)
          closeCodes.set(code, (closeCodes.get(code) ?? 0) + count);
      }
      typists.forEach((typist) => typist.client.stop());

      // What is stored: a clean stop, a new start, a fresh reader per paper.
      refusals.push(
        ...server
          .output()
          .split('\n')
          .filter((line) => /malformed|\b4400\b/.test(line)),
      );
      expect(await stopGracefully(server.child)).toBe(0);
      server = await spawnServer(dataDir);
      const reader = new ApiClient(server.url);
      await reader.signIn(ADMIN.email, ADMIN.password);
      const stored = new Set<string>();
      for (const [p, paperId] of paperIds.entries()) {
        const fresh = new CollabClient(server.url, paperId, { cookie: reader.cookie });
        await fresh.synced;
        expect(blockTexts(fresh.doc)).toEqual(finalTexts[p]);
        for (const token of tokensIn(fresh.doc)) stored.add(token);
        await fresh.close();
      }

      const typed = typists.reduce((sum, t) => sum + t.typed, 0);
      const everyToken = typists.flatMap((t) =>
        Array.from({ length: t.typed }, (_, n) => `k${t.index}.${n + 1}`),
      );
      const lostReceived = [...mustSurvive].filter((token) => !stored.has(token));
      const lostTyped = everyToken.filter((token) => !stored.has(token));
      console.log(
        `chaos: ${CLIENTS} clients, ${PAPERS} papers, ${SECONDS} s, kills survived ${kills}, ` +
          `reconnects ${reconnects} (closes by code ${JSON.stringify(Object.fromEntries(closeCodes))}), edits made ${typed}, received by others before a kill ` +
          `${mustSurvive.size}, edits lost ${lostReceived.length} (of all typed: ${lostTyped.length})`,
      );
      expect(fatal).toEqual([]);
      expect(kills).toBe(KILLS);
      expect(mustSurvive.size).toBeGreaterThan(0);
      expect(lostReceived).toEqual([]);
      // Stronger still: clients keep what they typed offline and resync it, so nothing is lost.
      expect(lostTyped).toEqual([]);
      // An honest client is never refused. The browser's provider sends keystrokes as soon as
      // its socket opens, before the server's sync step 1: after a crash lost some of its
      // updates, those keystrokes arrive with a gap. Closing it with 4400 would end the
      // session for good (y-websocket does not reconnect after 4400-4499).
      expect({
        refusedHonestClients: closeCodes.get(4400) ?? 0,
        refusals: refusals.slice(0, 3),
      }).toEqual({
        refusedHonestClients: 0,
        refusals: [],
      });
    },
  );
});
