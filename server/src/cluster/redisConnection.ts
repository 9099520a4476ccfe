/**
 * How every connection to Redis is opened. None queues commands while disconnected
 * (`enableOfflineQueue: false`): what cannot be told to the other processes or counted across
 * them now must fail now, not later.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { describeRedis } from './describeRedis.js';

/** How long the first connection may take at start before the server gives up. */
const CONNECT_TIMEOUT_MS = 10_000;

const OPTIONS: RedisOptions = {
  lazyConnect: true,
  enableOfflineQueue: false,
  connectTimeout: CONNECT_TIMEOUT_MS,
  // Reconnects for ever, at most every 2 s: the service is expected back.
  retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  maxRetriesPerRequest: 0,
};

/** A connection not yet connected (call {@link connectAll}). */
export function newRedisConnection(url: string): Redis {
  const connection = new Redis(url, OPTIONS);
  // Without a listener, ioredis reports every failed reconnect on the console.
  connection.on('error', () => {});
  return connection;
}

/** Connects them all; rejects naming host and port, never a password, when one cannot. */
export async function connectAll(url: string, connections: Redis[]): Promise<void> {
  try {
    await Promise.all(connections.map((connection) => connection.connect()));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach Redis at ${describeRedis(url)}: ${reason}`);
  }
}

/** Closes them, politely when they are still connected. */
export async function closeAll(connections: Redis[]): Promise<void> {
  await Promise.allSettled(connections.map((connection) => connection.quit()));
  for (const connection of connections) connection.disconnect();
}
