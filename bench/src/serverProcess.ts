/**
 * A server under test, in a process of its own so that its memory and event loop are its own:
 * `node serverProcess.js <ours|y-websocket|hocuspocus> <dataDir>`. Tells its parent the port
 * once listening, then answers measurement requests over IPC. Ours keeps its data in `dataDir`,
 * or in PostgreSQL when STANDPUNT_DATABASE_URL is set (see ServerHandle).
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { BLOCK_LIMIT_MS } from './figures.js';
import { LoopBlockRecorder } from './loopBlocks.js';
import type { ServerKind } from './servers.js';
import type { Measurement, ServerReply, ServerRequest } from './ServerHandle.js';

const [kindArg, dataDir = '', clientDir = ''] = process.argv.slice(2);
const kind = kindArg as ServerKind;

interface Started {
  port: number;
  stop(): Promise<void>;
  stats?(): Measurement['stats'];
}

async function startOurs(): Promise<Started> {
  const { startServer } = await import('@standpunt/server/dist/createServer.js');
  const { configFromEnv } = await import('@standpunt/server/dist/config.js');
  // `STANDPUNT_FSYNC=off pnpm bench` measures ours without a flush per batch; the storage
  // variables are set by ServerHandle (PostgreSQL and Redis for `pnpm bench:cluster`). Read the
  // way the server reads them, so that a bad value fails here as it would there.
  const fromEnv = configFromEnv({
    STANDPUNT_FSYNC: process.env.STANDPUNT_FSYNC,
    STANDPUNT_DATABASE_URL: process.env.STANDPUNT_DATABASE_URL,
    STANDPUNT_REDIS_URL: process.env.STANDPUNT_REDIS_URL,
  });
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir: clientDir || fileURLToPath(new URL('../../client/dist', import.meta.url)),
    adminEmail: 'admin@bench.test',
    adminPassword: 'bench-beheerder-wachtwoord',
    loginMaxFailures: 1000,
    // The load generator is one address and a few accounts, sending as fast as it can: the
    // limits on clients would measure themselves, not the server.
    maxConnectionsPerUser: 100_000,
    maxConnectionsPerAddress: 0,
    maxMessagesPerSecond: 1_000_000,
    messageBurst: 1_000_000,
    fsync: fromEnv.fsync,
    databaseUrl: fromEnv.databaseUrl,
    redisUrl: fromEnv.redisUrl,
    // BENCH_SERVER_LOG=1: what the server logs (refused sockets, failed writes), for a run
    // whose figures look wrong.
    log: process.env.BENCH_SERVER_LOG
      ? (line) => console.log(`[ours ${process.pid}] ${line}`)
      : () => {},
  });
  return { port: server.port, stop: () => server.stop(), stats: () => server.collab.stats() };
}

async function startYWebsocket(): Promise<Started> {
  // As the package's own server.js, minus its fixed port. No persistence: its LevelDB
  // backend needs a native build (leveldown) that is not built here.
  const { WebSocketServer } = await import('ws');
  const { setupWSConnection } = await import('@y/websocket-server/utils');
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_request, response) => response.end('okay'));
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

async function startHocuspocus(): Promise<Started> {
  // Durable in the way its documentation shows (onLoadDocument / onStoreDocument, debounced
  // 2 s, at most 10 s), one file per document.
  const { Server } = await import('@hocuspocus/server');
  const file = (name: string) => path.join(dataDir, `${encodeURIComponent(name)}.bin`);
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    async onLoadDocument({ documentName, document }) {
      try {
        Y.applyUpdate(document, await fsp.readFile(file(documentName)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      return document;
    },
    async onStoreDocument({ documentName, document }) {
      await fsp.writeFile(file(documentName), Y.encodeStateAsUpdate(document));
    },
  });
  await server.listen();
  return { port: server.address.port, stop: () => server.destroy() };
}

/** Bytes this process caused to be written to storage (page cache included). */
function bytesWritten(): number {
  const io = fs.readFileSync('/proc/self/io', 'utf8');
  return Number(/^write_bytes: (\d+)$/m.exec(io)?.[1] ?? 0);
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
// Only when profiled: the times of the blocks are of use with a profile to look them up in.
const blockRecorder = process.env.BENCH_SERVER_PROFILE
  ? new LoopBlockRecorder(BLOCK_LIMIT_MS)
  : null;

const starters: Record<ServerKind, () => Promise<Started>> = {
  ours: startOurs,
  'y-websocket': startYWebsocket,
  hocuspocus: startHocuspocus,
};
const started = await starters[kind]();

process.on('message', (request: ServerRequest) => {
  let reply: ServerReply;
  switch (request.op) {
    case 'measure': {
      if (request.gc) collectGarbage();
      const memory = process.memoryUsage();
      reply = {
        id: request.id,
        rss: memory.rss,
        heap: memory.heapUsed + memory.external + memory.arrayBuffers,
        bytesWritten: bytesWritten(),
        cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
        maxLoopBlockMs: loopDelay.max / 1e6,
        loopBlocks: request.resetLoop ? (blockRecorder?.take() ?? []) : [],
        stats: started.stats?.() ?? null,
      };
      if (request.resetLoop) loopDelay.reset();
      break;
    }
    case 'stop':
      void started.stop().then(() => process.exit(0));
      return;
  }
  process.send?.(reply);
});
process.send?.({ ready: true, port: started.port });
