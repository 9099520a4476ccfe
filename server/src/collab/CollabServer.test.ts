import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CloseCode } from '@standpunt/shared';
import { withDefaults, type ServerConfig } from '../config.js';
import type { DocumentStore, StoredPaper } from '../storage/DocumentStore.js';
import { CollabServer, type CollabServerOptions } from './CollabServer.js';

const emptyStore: DocumentStore = {
  load: async (): Promise<StoredPaper | null> => null,
  append: () => {},
  compact: async () => {},
  close: async () => {},
};

/** A CollabServer behind a bare http server on port 0, everyone signed in. */
async function start(
  options: Partial<CollabServerOptions> = {},
  config: Partial<ServerConfig> = {},
) {
  const collab = new CollabServer({
    store: emptyStore,
    config: withDefaults({ log: () => {}, ...config }),
    authenticate: async () => ({
      identity: { userId: 'u1', name: 'Anna', municipality: 'GM0363' },
      session: 'session1',
    }),
    access: async () => 'edit',
    ...options,
  });
  const server = http.createServer();
  server.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = async () => {
    await collab.close();
    await new Promise((resolve) => server.close(resolve));
  };
  return { collab, url, stop };
}

function open(url: string, options?: ConstructorParameters<typeof WebSocket>[2]) {
  const ws = new WebSocket(url, options);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve) => ws.on('open', () => resolve()));
  // The server's sync step 1 is the first frame on an accepted socket.
  const firstFrame = new Promise<void>((resolve) => ws.once('message', () => resolve()));
  return { ws, closed, opened, firstFrame };
}

describe('CollabServer', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('closes a socket that sends a frame over the limit with 4413', async () => {
    const server = await start({}, { maxMessageBytes: 1024 });
    stop = server.stop;
    const client = open(`${server.url}/collab/p1`);
    await client.firstFrame;
    client.ws.send(new Uint8Array(2000));
    expect(await client.closed).toBe(CloseCode.messageTooLarge);
  });

  it('closes a socket that sends a text frame with 4400', async () => {
    const server = await start();
    stop = server.stop;
    const client = open(`${server.url}/collab/p1`);
    await client.firstFrame;
    client.ws.send('hallo');
    expect(await client.closed).toBe(CloseCode.malformedMessage);
  });

  it('accepts the origins in allowedOrigins', async () => {
    const server = await start({
      config: withDefaults({ log: () => {}, allowedOrigins: ['https://standpunt.example'] }),
    });
    stop = server.stop;
    const allowed = open(`${server.url}/collab/p1`, { origin: 'https://standpunt.example' });
    await allowed.firstFrame;
    const refused = open(`${server.url}/collab/p1`, { origin: 'https://elders.example' });
    expect(await refused.closed).toBe(CloseCode.forbidden);
  });

  it('counts connections and closes them all with 1001 when it closes', async () => {
    const server = await start();
    const a = open(`${server.url}/collab/p1`);
    const b = open(`${server.url}/collab/p1/threads`);
    await Promise.all([a.firstFrame, b.firstFrame]);
    expect(server.collab.stats()).toEqual({ loadedPapers: 1, connections: 2, loads: 1 });

    await server.stop();
    expect(await a.closed).toBe(CloseCode.goingAway);
    expect(await b.closed).toBe(CloseCode.goingAway);
    expect(server.collab.stats()).toMatchObject({ loadedPapers: 0, connections: 0 });
  });
});
