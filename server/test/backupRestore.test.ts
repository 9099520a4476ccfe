/**
 * `backup` and `restore` (the built commands) round trip: a backup made while a client types
 * into a running server, restored into a fresh DATA_DIR, holds everything up to the backup.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/createServer.js';
import { BACKUP_JS, RESTORE_JS, runNode } from './childServer.js';
import { CollabClient } from './CollabClient.js';
import { blockText, blockTexts } from './contentHelpers.js';
import {
  ApiClient,
  createPaper,
  createPerson,
  DEFAULT_PASSWORD,
  signInAsAdmin,
  startTestServer,
} from './helpers.js';

describe('backup and restore', () => {
  let parent: string;
  let dataDir: string;
  let server: RunningServer;
  let editor: ApiClient;
  let editorEmail: string;
  let paperId: string;
  /** What the server had stored (acknowledged) when the backup started. */
  let storedBeforeBackup: string;
  /** Everything the client typed, up to after the backup finished. */
  let typedByTheEnd: string;

  beforeAll(async () => {
    parent = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-backup-'));
    dataDir = path.join(parent, 'data');
    server = await startTestServer({ dataDir });
    const admin = await signInAsAdmin(server);
    const person = await createPerson(admin, 'Eva Redacteur', 'GM0363');
    editor = person.client;
    editorEmail = person.user.email;
    paperId = (await createPaper(editor, 'Gedeeld beheer')).id;
    const thread = await editor.request('POST', `/api/papers/${paperId}/threads`, {
      kind: 'comment',
      body: 'Graag een alinea over beheer',
    });
    const draft = await editor.request('POST', `/api/papers/${paperId}/drafts`, { label: 'Een' });
    expect([thread.status, draft.status]).toEqual([201, 201]);
  });

  afterAll(async () => {
    await server?.stop();
    await fs.rm(parent, { recursive: true, force: true });
  });

  it('copies a running server consistently while a client types', async () => {
    const typist = new CollabClient(server.url, paperId, { cookie: editor.cookie });
    await typist.synced;
    const text = () => blockText(typist.doc, 1);
    text().insert(0, 'Voor de backup.');
    await typist.roundTrip();
    storedBeforeBackup = text().toString();

    // Keystrokes keep coming while the command copies.
    let keys = 0;
    const typing = setInterval(() => text().insert(text().length, ` ${++keys}`), 2);
    const result = await runNode(BACKUP_JS, [path.join(parent, 'backup')], { DATA_DIR: dataDir });
    clearInterval(typing);
    await typist.roundTrip();
    typedByTheEnd = text().toString();
    await typist.close();

    expect(result.output).toMatch(/1 papers, 1 drafts, \d+ audit events \(verified\)/);
    expect(result.code).toBe(0);
    expect(keys).toBeGreaterThan(0);
    const manifest = JSON.parse(
      await fs.readFile(path.join(parent, 'backup', 'backup.json'), 'utf8'),
    );
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain('standpunt.json');
  });

  it('refuses to restore while the server holds DATA_DIR, and changes nothing', async () => {
    const before = await fs.readdir(dataDir);
    const result = await runNode(RESTORE_JS, [path.join(parent, 'backup')], { DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Restore refused, nothing was changed: Another Standpunt server/);
    expect((await fs.readdir(dataDir)).sort()).toEqual(before.sort());
  });

  it('refuses a damaged backup before touching DATA_DIR', async () => {
    const damaged = path.join(parent, 'damaged-backup');
    await fs.cp(path.join(parent, 'backup'), damaged, { recursive: true });
    const snapshot = path.join(damaged, 'papers', paperId, 'snapshot.json');
    const text = await fs.readFile(snapshot, 'utf8');
    await fs.writeFile(snapshot, text.replace(/"content": ?"/, '$&AAAA'));
    const target = path.join(parent, 'untouched');
    const result = await runNode(RESTORE_JS, [damaged], { DATA_DIR: target });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${snapshot} is damaged`);
    await expect(fs.access(target)).rejects.toThrow();
  });

  it('restores into a fresh DATA_DIR: content, threads, drafts, accounts and audit are there', async () => {
    await server.stop();
    const restored = path.join(parent, 'restored');
    const result = await runNode(RESTORE_JS, [path.join(parent, 'backup')], { DATA_DIR: restored });
    expect(result.output).toContain('(verified)');
    expect(result.code).toBe(0);

    server = await startTestServer({ dataDir: restored });
    const again = await signInAsAdmin(server);
    const person = new ApiClient(server.url);
    await person.signIn(editorEmail, DEFAULT_PASSWORD);

    const reader = new CollabClient(server.url, paperId, { cookie: person.cookie });
    await reader.synced;
    const [, paragraph = ''] = blockTexts(reader.doc);
    await reader.close();
    // Everything stored before the backup began, and nothing that was never typed.
    expect(paragraph.startsWith(storedBeforeBackup)).toBe(true);
    expect(typedByTheEnd.startsWith(paragraph)).toBe(true);

    const threads = await person.request<{ threads: Array<{ body: string }> }>(
      'GET',
      `/api/papers/${paperId}/threads`,
    );
    expect(threads.body.threads.map((t) => t.body)).toEqual(['Graag een alinea over beheer']);
    // Served only when its sha256 checks out.
    expect((await person.request('GET', `/api/papers/${paperId}/drafts/1`)).status).toBe(200);
    const audit = await again.request<Array<{ type: string }>>('GET', '/api/audit');
    expect(audit.body.map((event) => event.type)).toEqual(
      expect.arrayContaining(['user.created', 'paper.created', 'draft.frozen']),
    );
  });

  it('keeps the data it replaces aside', async () => {
    await server.stop();
    const restored = path.join(parent, 'restored');
    const result = await runNode(RESTORE_JS, [path.join(parent, 'backup')], { DATA_DIR: restored });
    expect(result.code).toBe(0);
    const aside = /kept in (\S+)/.exec(result.output)?.[1] ?? '';
    expect(aside.startsWith(`${restored}.replaced-`)).toBe(true);
    expect(await fs.readdir(aside)).toContain('standpunt.json');
  });
});
