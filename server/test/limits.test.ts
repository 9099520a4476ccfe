/**
 * The limits on clients, each against the real server with a small configured value: message
 * size, message rate, connections per account and per address, presence entries and their
 * size, slow headers, silent sockets. (Sign-in throttling: api.test.ts.)
 */
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@standpunt/shared';
import type { ServerConfig } from '../src/config.js';
import type { RunningServer } from '../src/createServer.js';
import { CollabClient } from './CollabClient.js';
import {
  createPaper,
  createPerson,
  signInAsAdmin,
  startTestServer,
  type ApiClient,
} from './helpers.js';

let server: RunningServer | undefined;
const open: CollabClient[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
  await server?.stop();
  server = undefined;
});

/** A server with `limits`, the admin signed in, one paper, and the log lines it wrote. */
async function start(limits: Partial<ServerConfig>) {
  const logged: string[] = [];
  server = await startTestServer({ ...limits, log: (line) => logged.push(line) });
  const admin = await signInAsAdmin(server);
  const paperId = (await createPaper(admin)).id;
  return { server, admin, paperId, logged };
}

function connect(url: string, paperId: string, who: ApiClient): CollabClient {
  const client = new CollabClient(url, paperId, { cookie: who.cookie });
  open.push(client);
  return client;
}

const queryAwareness = Uint8Array.from([MessageType.queryAwareness]);

/** An awareness frame for `states` (client id → state), as a hand-built client would send. */
function awarenessFrame(states: Map<number, Record<string, unknown>>): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  clearInterval((awareness as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);
  for (const clientId of states.keys()) awareness.meta.set(clientId, { clock: 1, lastUpdated: 0 });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [...states.keys()], states);
  awareness.destroy();
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('limits on clients', () => {
  it('closes a socket that sends a message over maxMessageBytes with 4413, and logs it', async () => {
    const { server, admin, paperId, logged } = await start({ maxMessageBytes: 1024 });
    const client = connect(server.url, paperId, admin);
    await client.synced;
    client.sendFrame(new Uint8Array(1025));
    expect((await client.closed).code).toBe(CloseCode.messageTooLarge);
    expect(logged.some((line) => line.includes('4413') && line.includes('1025 bytes'))).toBe(true);
  });

  it('closes a socket that sends faster than maxMessagesPerSecond with 4429; a calmer one stays', async () => {
    const { server, admin, paperId } = await start({ maxMessagesPerSecond: 5, messageBurst: 10 });
    const calm = connect(server.url, paperId, admin);
    const flood = connect(server.url, paperId, admin);
    await Promise.all([calm.synced, flood.synced]);
    for (let i = 0; i < 30; i++) flood.sendFrame(queryAwareness);
    expect((await flood.closed).code).toBe(CloseCode.tooManyMessages);
    for (let i = 0; i < 3; i++) calm.sendFrame(queryAwareness);
    await calm.roundTrip();
    expect(calm.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('refuses one socket too many for an account with 4429, and takes it once one closed', async () => {
    const { server, admin, paperId } = await start({ maxConnectionsPerUser: 2 });
    const [a, b] = [connect(server.url, paperId, admin), connect(server.url, paperId, admin)];
    await Promise.all([a.synced, b.synced]);
    const third = connect(server.url, paperId, admin);
    expect((await third.closed).code).toBe(CloseCode.tooManyMessages);
    await a.close();
    await vi.waitFor(() => expect(server.collab.stats().connections).toBe(1));
    await connect(server.url, paperId, admin).synced;
  });

  it('refuses one socket too many from one address with 4429, whoever signs in', async () => {
    const { server, admin, paperId } = await start({ maxConnectionsPerAddress: 2 });
    const { user, client: other } = await createPerson(admin, 'Anna Ander', 'GM0344');
    await admin.request('PUT', `/api/papers/${paperId}/members/${user.id}`, { role: 'writer' });
    const first = [connect(server.url, paperId, admin), connect(server.url, paperId, admin)];
    await Promise.all(first.map((client) => client.synced));
    const third = connect(server.url, paperId, other);
    expect((await third.closed).code).toBe(CloseCode.tooManyMessages);
  });

  it('counts sockets by the address a trusted proxy names, and ignores the header otherwise', async () => {
    const behindProxy = await start({
      maxConnectionsPerAddress: 1,
      trustProxy: { addresses: ['loopback'] },
    });
    const from = (address: string) =>
      new CollabClient(behindProxy.server.url, behindProxy.paperId, {
        cookie: behindProxy.admin.cookie,
        headers: { 'X-Forwarded-For': address },
      });
    const first = from('203.0.113.1');
    const second = from('203.0.113.2');
    open.push(first, second);
    await Promise.all([first.synced, second.synced]);
    const again = from('203.0.113.1');
    open.push(again);
    expect((await again.closed).code).toBe(CloseCode.tooManyMessages);
  });

  it('does not believe X-Forwarded-For from a proxy it was not told to trust', async () => {
    const { server, admin, paperId } = await start({ maxConnectionsPerAddress: 1 });
    const first = new CollabClient(server.url, paperId, {
      cookie: admin.cookie,
      headers: { 'X-Forwarded-For': '203.0.113.1' },
    });
    open.push(first);
    await first.synced;
    const spoofed = new CollabClient(server.url, paperId, {
      cookie: admin.cookie,
      headers: { 'X-Forwarded-For': '203.0.113.2' },
    });
    open.push(spoofed);
    expect((await spoofed.closed).code).toBe(CloseCode.tooManyMessages);
  });

  it('keeps at most maxAwarenessClientsPerConnection presence entries per socket, and drops oversize ones', async () => {
    const { server, admin, paperId } = await start({
      maxAwarenessClientsPerConnection: 2,
      maxAwarenessStateBytes: 200,
    });
    const observer = connect(server.url, paperId, admin);
    const sender = connect(server.url, paperId, admin);
    await Promise.all([observer.synced, sender.synced]);
    const small = { user: { name: 'x' } };
    sender.sendFrame(
      awarenessFrame(
        new Map<number, Record<string, unknown>>([
          [101, { ...small, note: 'x'.repeat(300) }], // too large: dropped
          [102, small],
          [103, small],
          [104, small], // a third id: dropped
        ]),
      ),
    );
    await vi.waitFor(() => expect(observer.awareness.getStates().has(103)).toBe(true));
    await sender.roundTrip();
    const others = [...observer.awareness.getStates().keys()].filter(
      (clientId) => clientId !== observer.doc.clientID,
    );
    expect(others.sort()).toEqual([102, 103]);
    expect(sender.ws.readyState).toBe(WebSocket.OPEN);
  });

  // start() has served requests already: Node's own headersTimeout stops firing after that.
  it('cuts off a client that sends its upgrade request too slowly, or nothing at all', async () => {
    const { server, paperId } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const closedWithin = (send: (socket: net.Socket) => void) =>
      new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const socket = net.connect(server.port, '127.0.0.1', () => send(socket));
        socket.on('error', () => {});
        socket.on('close', () => resolve(Date.now() - started));
        setTimeout(() => reject(new Error(`still open after 5 s (${send.length})`)), 5_000).unref();
      });
    const slow = closedWithin((socket) =>
      // The request line and a header, then nothing: the session cookie never comes.
      socket.write(`GET /collab/${paperId} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n`),
    );
    const silent = closedWithin(() => {});
    expect(await slow).toBeLessThan(2_000);
    expect(await silent).toBeLessThan(2_000);
  });

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const { server, admin, paperId } = await start({ pingIntervalMs: 100 });
    const alive = connect(server.url, paperId, admin);
    await alive.synced;
    const url = `${server.url.replace(/^http/, 'ws')}/collab/${paperId}`;
    const mute = new WebSocket(url, {
      headers: { Cookie: admin.cookie ?? '', Origin: server.url },
      autoPong: false,
    });
    const muteClosed = new Promise<number>((resolve) => mute.on('close', (code) => resolve(code)));
    await new Promise((resolve) => mute.once('message', resolve));
    // Terminated, so no close frame: the client sees an abnormal closure.
    expect(await muteClosed).toBe(1006);
    await alive.roundTrip();
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
  });
});
