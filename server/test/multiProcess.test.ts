/**
 * Two built server processes on one PostgreSQL and one Redis, serving the same papers: what a
 * client writes on one is seen on the other, stored once; presence, threads and a permission
 * change cross over; the connection limits and the login throttle count on both; losing Redis
 * closes the sockets with 1013 and the processes recover.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloseCode, THREADS_MAP } from '@standpunt/shared';
import { spawnServer, stopGracefully, type ChildServer } from './childServer.js';
import { CollabClient } from './CollabClient.js';
import { anchorAround } from './contentHelpers.js';
import {
  ADMIN,
  ApiClient,
  createCast,
  createPerson,
  DEFAULT_PASSWORD,
  paperInPhase,
  type Cast,
} from './helpers.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

const REDIS_URL = process.env.STANDPUNT_TEST_REDIS_URL;

/** Compaction out of the way, so that the update log shows every stored update. */
const QUIET_COMPACTION = {
  STANDPUNT_COMPACT_AFTER_UPDATES: '1000000',
  STANDPUNT_COMPACT_INTERVAL_MS: '3600000',
};

let database: TestDatabase;
let a: ChildServer;
let b: ChildServer;
let cast: Cast;
let adminOnA: ApiClient;

async function startPair(
  redisUrl: string,
  settings: Record<string, string> = {},
): Promise<[ChildServer, ChildServer]> {
  const env = {
    STANDPUNT_DATABASE_URL: database.url,
    STANDPUNT_REDIS_URL: redisUrl,
    ...QUIET_COMPACTION,
    ...settings,
  };
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-multi-'));
  // One after the other: the first creates the schema and the admin.
  const first = await spawnServer(dataDir, env, { backend: 'file' });
  const second = await spawnServer(dataDir, env, { backend: 'file' });
  return [first, second];
}

/** A client of `server` signed in with `api`'s session (sessions live in the database). */
function connect(server: ChildServer, api: ApiClient, paperId: string, doc?: 'threads') {
  return new CollabClient(server.url, paperId, { cookie: api.cookie, ...(doc ? { doc } : {}) });
}

/** The same person's session, talking to another process. */
function on(server: ChildServer, api: ApiClient): ApiClient {
  const other = new ApiClient(server.url);
  other.cookie = api.cookie;
  return other;
}

async function loggedUpdateCount(paperId: string): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'select count(*) from doc_updates where paper_id = $1',
      [paperId],
    );
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (!REDIS_URL) throw new Error('STANDPUNT_TEST_REDIS_URL is not set (scripts/test.sh sets it)');
  database = await createTestDatabase();
  [a, b] = await startPair(REDIS_URL);
  adminOnA = new ApiClient(a.url);
  await adminOnA.signIn(ADMIN.email, ADMIN.password);
  cast = await createCast(adminOnA);
}, 60_000);

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((server) => stopGracefully(server.child)));
  await database?.drop();
});

describe('two server processes on one PostgreSQL and one Redis', () => {
  it('converge on what clients of both write, and store each update once', async () => {
    const paperId = await paperInPhase(cast, 'concept');
    const onA = connect(a, cast.writer.client, paperId);
    const onB = connect(b, cast.editor.client, paperId);
    await Promise.all([onA.synced, onB.synced]);
    const before = await loggedUpdateCount(paperId);

    for (let i = 0; i < 5; i++) {
      onA.type(`a${i} `);
      await vi.waitFor(() => expect(onB.text).toContain(`a${i} `));
      onB.type(`b${i} `);
      await vi.waitFor(() => expect(onA.text).toContain(`b${i} `));
    }
    expect(onA.text).toBe(onB.text);
    // Ten updates, each stored by the process its client sent it to; told, never stored again.
    expect((await loggedUpdateCount(paperId)) - before).toBe(10);

    // A third client, on either process, reads the same text from storage.
    const late = connect(b, cast.reader.client, paperId);
    await late.synced;
    expect(late.text).toBe(onA.text);
    await Promise.all([onA.close(), onB.close(), late.close()]);
  });

  it('show presence from one process on the other', async () => {
    const paperId = await paperInPhase(cast, 'concept');
    const onA = connect(a, cast.writer.client, paperId);
    const onB = connect(b, cast.editor.client, paperId);
    await Promise.all([onA.synced, onB.synced]);
    onA.awareness.setLocalState({ user: { name: 'Wim Schrijver' } });
    await vi.waitFor(() =>
      // As the server on A stamped it: who it is, from the session.
      expect(onB.awareness.getStates().get(onA.doc.clientID)).toMatchObject({
        user: { userId: cast.writer.id, municipality: 'GM0344' },
      }),
    );
    await onA.close();
    // Leaving is shown as well.
    await vi.waitFor(() => expect(onB.awareness.getStates().has(onA.doc.clientID)).toBe(false));
    await onB.close();
  });

  it('bring a thread written through the API on one process to clients on the other', async () => {
    const paperId = await paperInPhase(cast, 'concept');
    const writer = connect(a, cast.writer.client, paperId);
    await writer.synced;
    writer.type('Gemeenten kopen samen in via één centraal loket.');
    await writer.roundTrip();
    const threadsOnB = connect(b, cast.reader.client, paperId, 'threads');
    await threadsOnB.synced;

    const response = await cast.commenter.client.request('POST', `/api/papers/${paperId}/threads`, {
      kind: 'comment',
      anchor: anchorAround(writer.doc, 'centraal loket'),
      quote: 'centraal loket',
      body: 'Waarom centraal?',
    });
    expect(response.status).toBe(201);
    await vi.waitFor(() =>
      expect(JSON.stringify(threadsOnB.doc.getMap(THREADS_MAP).toJSON())).toContain(
        'Waarom centraal?',
      ),
    );
    await Promise.all([writer.close(), threadsOnB.close()]);
  });

  it('take away a writer’s rights on the other process at once', async () => {
    const paperId = await paperInPhase(cast, 'concept');
    const writerOnB = connect(b, cast.writer.client, paperId);
    const readerOnB = connect(b, cast.reader.client, paperId);
    await Promise.all([writerOnB.synced, readerOnB.synced]);
    // The editor works on process A: writer becomes reader, and the reader is removed.
    const editorOnA = on(a, cast.editor.client);
    const demoted = await editorOnA.request(
      'PUT',
      `/api/papers/${paperId}/members/${cast.writer.id}`,
      { role: 'reader' },
    );
    expect(demoted.status).toBe(200);
    const removed = await editorOnA.request(
      'DELETE',
      `/api/papers/${paperId}/members/${cast.reader.id}`,
    );
    expect(removed.status).toBe(200);
    expect((await readerOnB.closed).code).toBe(CloseCode.forbidden);

    // What the demoted writer types now is refused on B and reaches nobody.
    const before = await loggedUpdateCount(paperId);
    const watcher = connect(a, cast.editor.client, paperId);
    await watcher.synced;
    writerOnB.type('niet meer toegestaan');
    await writerOnB.roundTrip();
    await watcher.roundTrip();
    expect(watcher.text).not.toContain('niet meer toegestaan');
    expect(await loggedUpdateCount(paperId)).toBe(before);
    await Promise.all([writerOnB.close(), watcher.close()]);
  });

  it('close the sockets on the other process of an account deactivated, or signed out, on one', async () => {
    const paperId = await paperInPhase(cast, 'concept');
    const [leaving, signingOut] = await Promise.all(
      ['Wim Weg', 'Ans Uit'].map((name) => createPerson(adminOnA, name, 'GM0014')),
    );
    for (const { user } of [leaving!, signingOut!]) {
      await on(a, cast.editor.client).request('PUT', `/api/papers/${paperId}/members/${user.id}`, {
        role: 'reader',
      });
    }
    const sockets = [connect(b, leaving!.client, paperId), connect(b, signingOut!.client, paperId)];
    await Promise.all(sockets.map((socket) => socket.synced));

    const patched = await adminOnA.request('PATCH', `/api/users/${leaving!.user.id}`, {
      active: false,
    });
    expect(patched.status).toBe(200);
    expect((await sockets[0]!.closed).code).toBe(CloseCode.notSignedIn);
    await on(a, signingOut!.client).request('POST', '/api/auth/logout');
    expect((await sockets[1]!.closed).code).toBe(CloseCode.notSignedIn);
  });
});

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A Redis of this test's own, on `port`, so that it can be taken away and brought back. */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const redis = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  await vi.waitFor(
    async () => {
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.end();
          resolve();
        });
        socket.on('error', reject);
      });
    },
    { timeout: 10_000, interval: 50 },
  );
  return redis;
}

/** Whether a client is let in (synced) or refused (closed first), and with what code. */
async function outcome(client: CollabClient): Promise<'synced' | number> {
  return Promise.race([
    client.synced.then(() => 'synced' as const),
    client.closed.then(({ code }) => code),
  ]);
}

// On a Redis of their own: the counts these tests fill up would otherwise hold for the other
// test files on the shared one (failed sign-ins from 127.0.0.1, for 15 minutes).
describe('limits counted across the processes', () => {
  let redis: ChildProcess | undefined;
  let c: ChildServer;
  let d: ChildServer;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port, await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-redis-')));
    [c, d] = await startPair(`redis://127.0.0.1:${port}`, {
      STANDPUNT_MAX_CONNECTIONS_PER_USER: '3',
      STANDPUNT_LOGIN_MAX_FAILURES: '3',
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([c, d].filter(Boolean).map((server) => stopGracefully(server.child)));
    redis?.kill('SIGKILL');
  });

  it('let one account open its connection limit once over both processes, not on each', async () => {
    const paperId = await paperInPhase(cast, 'concept');
    // Four at once, two on each: exactly three get in, however the processes interleave.
    const clients = [c, d, c, d].map((server) => connect(server, cast.writer.client, paperId));
    const outcomes = await Promise.all(clients.map(outcome));
    expect(outcomes.filter((o) => o === 'synced')).toHaveLength(3);
    expect(outcomes.filter((o) => o === CloseCode.tooManyMessages)).toHaveLength(1);

    // Closing one on either process makes room on the other.
    const open = clients.filter((_client, i) => outcomes[i] === 'synced');
    await open[0]!.close();
    const later = await vi.waitFor(
      async () => {
        const client = connect(d, cast.writer.client, paperId);
        if ((await outcome(client)) !== 'synced') throw new Error('still full');
        return client;
      },
      { timeout: 10_000, interval: 200 },
    );
    expect(await outcome(connect(c, cast.writer.client, paperId))).toBe(CloseCode.tooManyMessages);
    await Promise.all([...open.slice(1), later].map((client) => client.close()));
  });

  it('count failed sign-ins made on either process together', async () => {
    const email = 'wim.schrijver@gm0344.test';
    const attempt = (server: ChildServer, password: string) =>
      new ApiClient(server.url).request('POST', '/api/auth/login', { email, password });
    expect((await attempt(c, 'fout-wachtwoord-1')).status).toBe(401);
    expect((await attempt(d, 'fout-wachtwoord-2')).status).toBe(401);
    expect((await attempt(c, 'fout-wachtwoord-3')).status).toBe(401);
    // The limit is reached over both: even the right password waits, on either process.
    const throttled = await attempt(d, DEFAULT_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt(c, DEFAULT_PASSWORD)).status).toBe(429);
  });
});

describe('losing Redis', () => {
  it('closes the sockets with 1013, refuses new ones and sign-ins while away, and recovers by itself', async () => {
    const port = await freePort();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-redis-'));
    let redis = await startRedis(port, dir);
    const [c, d] = await startPair(`redis://127.0.0.1:${port}`);
    try {
      const paperId = await paperInPhase(cast, 'concept');
      const onC = connect(c, cast.writer.client, paperId);
      await onC.synced;
      onC.type('voor de storing ');
      await onC.roundTrip();

      redis.kill('SIGKILL');
      expect((await onC.closed).code).toBe(CloseCode.tryAgainLater);
      const refused = connect(d, cast.editor.client, paperId);
      expect((await refused.closed).code).toBe(CloseCode.tryAgainLater);
      // Failed sign-ins cannot be counted: nobody signs in, rather than anyone guessing freely.
      const signIn = await new ApiClient(d.url).request('POST', '/api/auth/login', ADMIN);
      expect(signIn.status).toBe(503);

      redis = await startRedis(port, dir);
      // Both processes are back in touch: what one's client writes reaches the other's.
      const again = await vi.waitFor(
        async () => {
          const client = connect(c, cast.writer.client, paperId);
          await Promise.race([
            client.synced,
            client.closed.then(({ code }) => Promise.reject(new Error(`closed ${code}`))),
          ]);
          return client;
        },
        { timeout: 15_000, interval: 250 },
      );
      const onD = await vi.waitFor(
        async () => {
          const client = connect(d, cast.editor.client, paperId);
          await Promise.race([
            client.synced,
            client.closed.then(({ code }) => Promise.reject(new Error(`closed ${code}`))),
          ]);
          return client;
        },
        { timeout: 15_000, interval: 250 },
      );
      expect(again.text).toContain('voor de storing');
      again.type('na de storing');
      await vi.waitFor(() => expect(onD.text).toContain('na de storing'));
      await Promise.all([again.close(), onD.close()]);
    } finally {
      redis.kill('SIGKILL');
      await Promise.all([stopGracefully(c.child), stopGracefully(d.child)]);
    }
  }, 60_000);
});
