import type { ServerConfig } from '../config.js';
import { MemoryLoginThrottle, type LoginThrottle } from '../auth/LoginThrottle.js';
import { MemoryConnectionSlots, type ConnectionSlots } from '../collab/ConnectionSlots.js';
import type { Peers } from '../collab/Peers.js';
import { RedisConnectionSlots } from './RedisConnectionSlots.js';
import { RedisLoginThrottle } from './RedisLoginThrottle.js';
import { RedisPeers } from './RedisPeers.js';
import { closeAll, connectAll, newRedisConnection } from './redisConnection.js';

/**
 * What the server processes share: each other (`peers`, absent when a process is alone), and
 * the counts that must hold across all of them — failed sign-ins and open sockets. In memory
 * for a process that is alone; in Redis with `STANDPUNT_REDIS_URL`.
 */
export interface Coordination {
  peers?: Peers;
  loginThrottle: LoginThrottle;
  /** Requests for a password-reset link, counted as sign-in attempts are. */
  resetThrottle: LoginThrottle;
  connectionSlots: ConnectionSlots;
  close(): Promise<void>;
}

export async function openCoordination(config: ServerConfig): Promise<Coordination> {
  const throttleLimits = { maxFailures: config.loginMaxFailures, windowMs: config.loginWindowMs };
  const resetLimits = { maxFailures: config.resetMaxRequests, windowMs: config.resetWindowMs };
  if (!config.redisUrl) {
    const connectionSlots = new MemoryConnectionSlots(config);
    return {
      loginThrottle: new MemoryLoginThrottle(throttleLimits),
      resetThrottle: new MemoryLoginThrottle(resetLimits),
      connectionSlots,
      close: () => connectionSlots.close(),
    };
  }
  const url = config.redisUrl;
  const peers = await RedisPeers.connect(url, config.log);
  // The counts have a connection of their own, so that a slow count never delays an update.
  const counts = newRedisConnection(url);
  try {
    await connectAll(url, [counts]);
  } catch (error) {
    await Promise.all([peers.close(), closeAll([counts])]);
    throw error;
  }
  const connectionSlots = new RedisConnectionSlots(counts, config, config.log);
  return {
    peers,
    loginThrottle: new RedisLoginThrottle(counts, throttleLimits, 'login'),
    resetThrottle: new RedisLoginThrottle(counts, resetLimits, 'reset'),
    connectionSlots,
    async close() {
      await connectionSlots.close();
      await Promise.all([peers.close(), closeAll([counts])]);
    },
  };
}
