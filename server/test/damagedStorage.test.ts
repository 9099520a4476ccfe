/**
 * Damaged data files: the server names the file and how to recover, keeps a last good copy,
 * and never replaces what is left with defaults. A damaged paper takes down only that paper.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CollabClient } from './CollabClient.js';
import { runServerToExit } from './childServer.js';
import { blockText, blockTexts } from './contentHelpers.js';
import { createPaper, signInAsAdmin, startTestServer, tempDataDir } from './helpers.js';
import type { RunningServer } from '../src/createServer.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function newDataDir(): Promise<string> {
  const dir = await tempDataDir();
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string, log?: (message: string) => void): Promise<RunningServer> {
  const server = await startTestServer({ dataDir, ...(log ? { log } : {}) });
  cleanups.push(() => server.stop());
  return server;
}

/** A data dir with two papers, each with a line of text, written by a server that stopped. */
async function twoPapers(): Promise<{ dataDir: string; ids: [string, string] }> {
  const dataDir = await newDataDir();
  const server = await startTestServer({ dataDir });
  const admin = await signInAsAdmin(server);
  const ids: string[] = [];
  for (const title of ['Eerste', 'Tweede']) {
    const paper = await createPaper(admin, title);
    const client = new CollabClient(server.url, paper.id, { cookie: admin.cookie });
    await client.synced;
    blockText(client.doc, 1).insert(0, `tekst van ${title}`);
    await client.roundTrip();
    await client.close();
    ids.push(paper.id);
  }
  await server.stop();
  return { dataDir, ids: ids as [string, string] };
}

const RECOVERY =
  /Restore .*\.bak \(its previous version\) or a backup \(see README, "Backup and restore"\)/;

describe('a damaged standpunt.json', () => {
  it.each([
    ['empty', ''],
    ['truncated', '{"users":[{"id":"a","email":"x@'],
    ['garbled', 'Ã§ garbage \u0000 garbage'],
    ['null', 'null'],
    ['an empty object', '{}'],
    ['a list', '[]'],
  ])(
    'refuses to start when it is %s, naming the file, and leaves it as it was',
    async (_, text) => {
      const dataDir = await newDataDir();
      const file = path.join(dataDir, 'standpunt.json');
      await fs.writeFile(file, text);
      await expect(startTestServer({ dataDir })).rejects.toThrow(RECOVERY);
      await expect(startTestServer({ dataDir })).rejects.toThrow(file);
      expect(await fs.readFile(file, 'utf8')).toBe(text);
      // The lock is released: the refusal is about the file, not about another server.
      await expect(fs.access(path.join(dataDir, 'server.lock'))).rejects.toThrow();
    },
  );

  it('makes the built server exit with status 1 and say which file and what to do', async () => {
    const dataDir = await newDataDir();
    const file = path.join(dataDir, 'standpunt.json');
    await fs.writeFile(file, '{"users":[');
    const { code, output } = await runServerToExit(dataDir);
    expect(code).toBe(1);
    expect(output).toContain(`could not start: ${file} is damaged`);
    expect(output).toMatch(RECOVERY);
    expect(await fs.readFile(file, 'utf8')).toBe('{"users":[');
  });

  it('refuses to start empty when it is missing but papers are there', async () => {
    const { dataDir } = await twoPapers();
    await fs.rename(path.join(dataDir, 'standpunt.json'), path.join(dataDir, 'elsewhere.json'));
    await expect(startTestServer({ dataDir })).rejects.toThrow(
      /standpunt\.json is damaged: it is missing/,
    );
    await expect(fs.access(path.join(dataDir, 'standpunt.json'))).rejects.toThrow();
  });

  it('keeps the previous version as standpunt.json.bak, which starts the server', async () => {
    const { dataDir } = await twoPapers();
    const file = path.join(dataDir, 'standpunt.json');
    const previous = JSON.parse(await fs.readFile(`${file}.bak`, 'utf8')) as { papers: unknown[] };
    expect(previous.papers.length).toBeGreaterThanOrEqual(1);
    await fs.writeFile(file, 'kapot');
    await expect(startTestServer({ dataDir })).rejects.toThrow(RECOVERY);
    await fs.copyFile(`${file}.bak`, file);
    const server = await start(dataDir);
    await signInAsAdmin(server);
  });
});

describe('a damaged paper', () => {
  async function openBoth(server: RunningServer, ids: [string, string]) {
    const admin = await signInAsAdmin(server);
    const damaged = new CollabClient(server.url, ids[0], { cookie: admin.cookie });
    const healthy = new CollabClient(server.url, ids[1], { cookie: admin.cookie });
    cleanups.push(async () => {
      await damaged.close();
      await healthy.close();
    });
    await healthy.synced;
    return { damaged: await damaged.closed, healthy };
  }

  it.each([
    ['an empty snapshot.json', 'snapshot.json', () => ''],
    [
      'a truncated snapshot.json',
      'snapshot.json',
      (text: string) => text.slice(0, text.length / 2),
    ],
    [
      'a snapshot.json with garbage for its state',
      'snapshot.json',
      () => '{"content":"!!","threads":""}',
    ],
    [
      'garbage in the middle of updates.log',
      'updates.log',
      () => 'garbage\n{"doc":"content","update":"AAA="}\n',
    ],
  ])(
    'closes its sockets with 1011 and names the file for %s; other papers work',
    async (_, name, damage) => {
      const { dataDir, ids } = await twoPapers();
      const file = path.join(dataDir, 'papers', ids[0], name);
      const damagedText = damage(await fs.readFile(file, 'utf8'));
      await fs.writeFile(file, damagedText);
      const logged: string[] = [];
      const server = await start(dataDir, (message) => logged.push(message));

      const { damaged, healthy } = await openBoth(server, ids);
      expect(damaged.code).toBe(1011);
      expect(damaged.reason).toMatch(/could not load/);
      expect(logged.join('\n')).toContain(`${file} is damaged`);
      expect(blockTexts(healthy.doc)).toEqual(['Tweede', 'tekst van Tweede']);
      expect(await fs.readFile(file, 'utf8')).toBe(damagedText);
    },
  );

  it('keeps the previous snapshot as snapshot.json.bak, from which the paper opens again', async () => {
    const { dataDir, ids } = await twoPapers();
    const file = path.join(dataDir, 'papers', ids[0], 'snapshot.json');
    await fs.writeFile(file, '{"content":');
    await fs.copyFile(`${file}.bak`, file);
    const server = await start(dataDir);
    const admin = await signInAsAdmin(server);
    const client = new CollabClient(server.url, ids[0], { cookie: admin.cookie });
    cleanups.push(() => client.close());
    await client.synced;
    // The .bak is the state before the last compaction: the new paper, before the text was typed.
    expect(blockTexts(client.doc)[0]).toBe('Eerste');
  });
});

describe('a damaged audit.log', () => {
  it('refuses to start on a bad line in the middle, naming the file', async () => {
    const { dataDir } = await twoPapers();
    const file = path.join(dataDir, 'audit.log');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, `kapot\n${text}`);
    await expect(startTestServer({ dataDir })).rejects.toThrow(
      `${file} is damaged: line 1 is not a valid event. Nothing was changed. Restore a backup`,
    );
    expect(await fs.readFile(file, 'utf8')).toBe(`kapot\n${text}`);
  });

  it('cuts a torn last line at start, so the next event does not land on it', async () => {
    const { dataDir } = await twoPapers();
    const file = path.join(dataDir, 'audit.log');
    const text = await fs.readFile(file, 'utf8');
    await fs.appendFile(file, '{"seq":99,"at":"2026');
    const server = await start(dataDir);
    const admin = await signInAsAdmin(server);
    await createPaper(admin, 'Derde');
    await server.stop();
    cleanups.pop();
    const after = await fs.readFile(file, 'utf8');
    expect(after.startsWith(text)).toBe(true);
    for (const line of after.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    await start(dataDir);
  });
});

describe('a damaged draft', () => {
  it('is not served, and the log names its file and the way back', async () => {
    const dataDir = await newDataDir();
    const logged: string[] = [];
    const server = await start(dataDir, (message) => logged.push(message));
    const admin = await signInAsAdmin(server);
    const paper = await createPaper(admin);
    const frozen = await admin.request('POST', `/api/papers/${paper.id}/drafts`, { label: 'Een' });
    expect(frozen.status).toBe(201);
    const file = path.join(dataDir, 'papers', paper.id, 'drafts', '1.json');
    await fs.writeFile(file, '{"paperId":');
    const response = await admin.request('GET', `/api/papers/${paper.id}/drafts/1`);
    expect(response.status).toBe(500);
    expect(logged.join('\n')).toContain(`${file} is not valid JSON; restore it from a backup`);
  });
});
