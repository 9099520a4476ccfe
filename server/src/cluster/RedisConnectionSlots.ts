import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type {
  ConnectionLimits,
  ConnectionSlot,
  ConnectionSlots,
  SlotRefusal,
} from '../collab/ConnectionSlots.js';
import { REDIS_NOW_MS } from './redisClock.js';

const ACCOUNT_PREFIX = 'standpunt:sockets:account:';
const ADDRESS_PREFIX = 'standpunt:sockets:address:';

/**
 * How long a slot lasts unless its process renews it. A process that dies without giving its
 * slots back (kill -9, a lost machine) holds them this long at most.
 */
const SLOT_TTL_MS = 30_000;
const RENEW_EVERY_MS = SLOT_TTL_MS / 3;

/**
 * KEYS: the account's and the address's set; ARGV: slot, ttl, account limit, address limit
 * (0: none). Each set holds the slots open now, scored by when they expire; expired ones are
 * dropped before counting. Returns 0 when taken, 1 or 2 for the limit it would exceed.
 */
const TAKE = `${REDIS_NOW_MS}
local ttl = tonumber(ARGV[2])
local limits = { tonumber(ARGV[3]), tonumber(ARGV[4]) }
for i = 1, 2 do
  if limits[i] > 0 then
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
    if redis.call('ZCARD', KEYS[i]) >= limits[i] then return i end
  end
end
for i = 1, 2 do
  if limits[i] > 0 then
    redis.call('ZADD', KEYS[i], now + ttl, ARGV[1])
    redis.call('PEXPIRE', KEYS[i], ttl)
  end
end
return 0
`;

/** KEYS: sets; ARGV: ttl, then per key the slot in it. */
const RENEW = `${REDIS_NOW_MS}
local ttl = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + ttl, ARGV[i + 1])
  redis.call('PEXPIRE', key, ttl)
end
return 0
`;

/**
 * The connection limits of several processes, counted in Redis. Each process renews the slots
 * of its open sockets every {@link RENEW_EVERY_MS}, so the slots of a process that is gone
 * expire on their own.
 */
export class RedisConnectionSlots implements ConnectionSlots {
  /** Unique across the processes: slots are named `<process>:<socket>`. */
  readonly #process = randomBytes(8).toString('hex');
  readonly #held = new Map<string, string[]>();
  readonly #renewal: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly limits: ConnectionLimits,
    private readonly log: (message: string) => void,
  ) {
    this.#renewal = setInterval(() => this.#renew(), RENEW_EVERY_MS);
    this.#renewal.unref();
  }

  async take({ id, userId, address }: ConnectionSlot): Promise<SlotRefusal | null> {
    const keys = [ACCOUNT_PREFIX + userId, ADDRESS_PREFIX + address];
    const { maxConnectionsPerUser, maxConnectionsPerAddress } = this.limits;
    const outcome = await this.redis.eval(
      TAKE,
      2,
      ...keys,
      this.#member(id),
      SLOT_TTL_MS,
      maxConnectionsPerUser,
      maxConnectionsPerAddress,
    );
    if (outcome === 1) return 'account';
    if (outcome === 2) return 'address';
    this.#held.set(id, keys);
    return null;
  }

  release(id: string): void {
    const keys = this.#held.get(id);
    if (!keys) return;
    this.#held.delete(id);
    const member = this.#member(id);
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.zrem(key, member);
    // Unreachable Redis: the slot expires within SLOT_TTL_MS.
    pipeline.exec().catch(() => {});
  }

  async close(): Promise<void> {
    clearInterval(this.#renewal);
  }

  #member(id: string): string {
    return `${this.#process}:${id}`;
  }

  #renew(): void {
    if (this.#held.size === 0) return;
    const keys: string[] = [];
    const members: string[] = [];
    for (const [id, slotKeys] of this.#held) {
      for (const key of slotKeys) {
        keys.push(key);
        members.push(this.#member(id));
      }
    }
    this.redis
      .eval(RENEW, keys.length, ...keys, SLOT_TTL_MS, ...members)
      .catch((error: unknown) => {
        // Meanwhile every socket here is closed (Redis lost: 1013), so the slots go anyway.
        this.log(`connection slots: could not renew: ${String(error)}`);
      });
  }
}
