/**
 * The collaboration websocket end to end: the real server on port 0, clients speaking the
 * y-websocket protocol over `ws` as the browser's WebsocketProvider does.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { CloseCode, type AuditEvent } from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { spawnServer } from './childServer.js';
import { loggedUpdates } from './storedData.js';
import { CollabClient, type ConnectOptions } from './CollabClient.js';
import {
  ADMIN,
  ApiClient,
  createPaper,
  createPerson,
  signInAsAdmin,
  startTestServer,
  tempDataDir,
} from './helpers.js';

const clients: CollabClient[] = [];
function connect(baseUrl: string, paperId: string, options: ConnectOptions = {}): CollabClient {
  const client = new CollabClient(baseUrl, paperId, options);
  clients.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

describe('collaboration websocket', () => {
  let server: RunningServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await signInAsAdmin(server);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('lets two clients converge', async () => {
    const paper = await createPaper(admin);
    const a = connect(server.url, paper.id, { cookie: admin.cookie });
    const b = connect(server.url, paper.id, { cookie: admin.cookie });
    await Promise.all([a.synced, b.synced]);
    a.type('Gemeenten ');
    b.type('werken samen');
    await vi.waitFor(() => {
      expect(a.text).toHaveLength('Gemeenten werken samen'.length);
      expect(b.text).toBe(a.text);
    });
  });

  it('closes a socket without a session with 4401', async () => {
    const paper = await createPaper(admin);
    const client = connect(server.url, paper.id);
    expect((await client.closed).code).toBe(CloseCode.notSignedIn);
  });

  it('closes a socket opened from a foreign origin with 4403', async () => {
    const paper = await createPaper(admin);
    const client = connect(server.url, paper.id, {
      cookie: admin.cookie,
      origin: 'https://evil.example',
    });
    expect((await client.closed).code).toBe(CloseCode.forbidden);
  });

  it('accepts a client that sends no Origin (not a browser) when signed in', async () => {
    const paper = await createPaper(admin);
    const client = connect(server.url, paper.id, { cookie: admin.cookie, origin: null });
    await client.synced;
  });

  it('closes a socket for an unknown paper with 4404', async () => {
    const client = connect(server.url, 'bestaat-niet', { cookie: admin.cookie });
    expect((await client.closed).code).toBe(CloseCode.paperNotFound);
  });

  it('refuses a malformed path with HTTP 400', async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/a/b/c`);
    const status = await new Promise<number | undefined>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('error', () => resolve(undefined));
    });
    expect(status).toBe(400);
  });

  it('closes a socket to a paper the person may not read with 4403', async () => {
    const paper = await createPaper(admin);
    const { client: outsider } = await createPerson(admin, 'Olga Buiten', 'GM0014');
    const client = connect(server.url, paper.id, { cookie: outsider.cookie });
    expect((await client.closed).code).toBe(CloseCode.forbidden);
  });

  it('keeps the threads doc read-only for every client, and the socket open', async () => {
    const paper = await createPaper(admin);
    const writer = connect(server.url, paper.id, { cookie: admin.cookie, doc: 'threads' });
    const watcher = connect(server.url, paper.id, { cookie: admin.cookie, doc: 'threads' });
    await Promise.all([writer.synced, watcher.synced]);
    writer.type('vervalst');
    await writer.roundTrip();
    const later = connect(server.url, paper.id, { cookie: admin.cookie, doc: 'threads' });
    await later.synced;
    expect(later.text).toBe('');
    expect(watcher.text).toBe('');
    expect(writer.ws.readyState).toBe(WebSocket.OPEN);
    // It did reach the server, and was refused there (not merely never sent).
    await vi.waitFor(async () => {
      const audit = await admin.request<AuditEvent[]>('GET', `/api/audit?paper=${paper.id}`);
      expect(audit.body.filter((event) => event.type === 'collab.write_refused')).toMatchObject([
        { doc: 'threads', actor: { name: 'Beheerder' } },
      ]);
    });
  });

  it("refuses a reader's edits to the content", async () => {
    const paper = await createPaper(admin);
    const { user, client: readerApi } = await createPerson(admin, 'Rob Lezer', 'GM0518');
    const added = await admin.request('PUT', `/api/papers/${paper.id}/members/${user.id}`, {
      role: 'reader',
    });
    expect(added.status).toBe(200);
    const reader = connect(server.url, paper.id, { cookie: readerApi.cookie });
    const editor = connect(server.url, paper.id, { cookie: admin.cookie });
    await Promise.all([reader.synced, editor.synced]);
    reader.type('van de lezer');
    await reader.roundTrip();
    editor.type('van de redactie');
    await vi.waitFor(() => expect(reader.text).toContain('van de redactie'));
    const check = connect(server.url, paper.id, { cookie: admin.cookie });
    await check.synced;
    expect(check.text).not.toContain('van de lezer');
    expect(reader.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('follows role changes on open sockets: a demoted writer is refused, a removed member closed', async () => {
    const paper = await createPaper(admin);
    const { user, client: api } = await createPerson(admin, 'Wim Schrijver', 'GM0344');
    const setRole = (role: string) =>
      admin.request('PUT', `/api/papers/${paper.id}/members/${user.id}`, { role });
    expect((await setRole('writer')).status).toBe(200);
    const writer = connect(server.url, paper.id, { cookie: api.cookie });
    await writer.synced;
    writer.type('mag');
    await writer.roundTrip();

    expect((await setRole('reader')).status).toBe(200);
    writer.type(' niet meer');
    await writer.roundTrip();
    const check = connect(server.url, paper.id, { cookie: admin.cookie });
    await check.synced;
    expect(check.text).toBe('mag');

    const removed = await admin.request('DELETE', `/api/papers/${paper.id}/members/${user.id}`);
    expect(removed.status).toBe(200);
    expect((await writer.closed).code).toBe(CloseCode.forbidden);
  });

  it('loads a paper once for 30 simultaneous first connections', async () => {
    const paper = await createPaper(admin);
    const loadsBefore = server.collab.stats().loads;
    const many = Array.from({ length: 30 }, () =>
      connect(server.url, paper.id, { cookie: admin.cookie }),
    );
    await Promise.all(many.map((client) => client.synced));
    expect(server.collab.stats().loads - loadsBefore).toBe(1);
  });

  it('unloads a paper when its last connection leaves', async () => {
    const paper = await createPaper(admin);
    const client = connect(server.url, paper.id, { cookie: admin.cookie });
    await client.synced;
    const loaded = server.collab.stats().loadedPapers;
    await client.close();
    await vi.waitFor(() => expect(server.collab.stats().loadedPapers).toBe(loaded - 1));
  });
});

describe('collaboration across a restart', () => {
  it('keeps the content when the server stops and starts on the same data dir', async () => {
    const dataDir = await tempDataDir();
    let server = await startTestServer({ dataDir });
    try {
      const admin = await signInAsAdmin(server);
      const paper = await createPaper(admin);
      const a = connect(server.url, paper.id, { cookie: admin.cookie });
      const b = connect(server.url, paper.id, { cookie: admin.cookie });
      await Promise.all([a.synced, b.synced]);
      a.type('blijft bewaard');
      await vi.waitFor(() => expect(b.text).toBe('blijft bewaard'));
      await server.stop();

      server = await startTestServer({ dataDir });
      const again = new ApiClient(server.url);
      await again.signIn(ADMIN.email, ADMIN.password);
      const c = connect(server.url, paper.id, { cookie: again.cookie });
      await c.synced;
      expect(c.text).toBe('blijft bewaard');
    } finally {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('collaboration after a crash (runs the built server)', () => {
  const children: ChildProcess[] = [];
  /** Kills what is still running and waits, so no server writes into a dir being removed. */
  async function cleanUp(dataDir: string): Promise<void> {
    await Promise.all(
      children.splice(0).map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }),
    );
    await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('keeps an update that was relayed before the process was killed (kill -9)', async () => {
    const dataDir = await tempDataDir();
    try {
      const first = await spawnServer(dataDir);
      children.push(first.child);
      const admin = new ApiClient(first.url);
      await admin.signIn(ADMIN.email, ADMIN.password);
      const paper = await createPaper(admin);
      const a = connect(first.url, paper.id, { cookie: admin.cookie });
      const b = connect(first.url, paper.id, { cookie: admin.cookie });
      await Promise.all([a.synced, b.synced]);

      const arrived = new Promise<void>((resolve) => {
        b.doc.on('update', () => {
          if (b.text === 'niet verloren') resolve();
        });
      });
      a.type('niet verloren');
      await arrived;
      const exited = new Promise((resolve) => first.child.once('exit', resolve));
      first.child.kill('SIGKILL');
      await exited;

      const second = await spawnServer(dataDir);
      children.push(second.child);
      const again = new ApiClient(second.url);
      await again.signIn(ADMIN.email, ADMIN.password);
      const c = connect(second.url, paper.id, { cookie: again.cookie });
      await c.synced;
      expect(c.text).toBe('niet verloren');
    } finally {
      await cleanUp(dataDir);
    }
  });

  it('saves every open paper on SIGTERM and exits with 0', async () => {
    const dataDir = await tempDataDir();
    try {
      const first = await spawnServer(dataDir);
      children.push(first.child);
      const admin = new ApiClient(first.url);
      await admin.signIn(ADMIN.email, ADMIN.password);
      const paper = await createPaper(admin);
      const a = connect(first.url, paper.id, { cookie: admin.cookie });
      await a.synced;
      a.type('bewaard bij afsluiten');
      await a.roundTrip();

      const exited = new Promise<number | null>((resolve) => first.child.once('exit', resolve));
      first.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // Compacted into the snapshot at shutdown: nothing is left to replay.
      expect(await loggedUpdates(dataDir, paper.id)).toBe(0);
      await expect(fs.access(path.join(dataDir, 'server.lock'))).rejects.toThrow();

      const second = await spawnServer(dataDir);
      children.push(second.child);
      const again = new ApiClient(second.url);
      await again.signIn(ADMIN.email, ADMIN.password);
      const b = connect(second.url, paper.id, { cookie: again.cookie });
      await b.synced;
      expect(b.text).toBe('bewaard bij afsluiten');
    } finally {
      await cleanUp(dataDir);
    }
  });
});
