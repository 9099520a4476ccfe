import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  throttleKeys,
  type LoginAttempt,
  type LoginAttemptBy,
  type LoginThrottle,
  type LoginThrottleLimits,
} from '../auth/LoginThrottle.js';
import { REDIS_NOW_MS } from './redisClock.js';

/**
 * KEYS: the account's and the address's sorted set of attempts, scored by when. ARGV: window,
 * limit, this attempt's member. As MemoryLoginThrottle, in one step: the wait until the attempt
 * that filled a limit leaves the window; or, when there is none, the attempt counted under both.
 */
const BEGIN = `${REDIS_NOW_MS}
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local wait = 0
for _, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local filling = redis.call('ZRANGE', key, -limit, -limit, 'WITHSCORES')
  if filling[2] then wait = math.max(wait, tonumber(filling[2]) + window - now) end
end
if wait > 0 then return wait end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window)
end
return 0
`;

/** The login throttle of several processes: the attempts are counted in Redis. */
export class RedisLoginThrottle implements LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly limits: LoginThrottleLimits,
    /** What is counted (`login`, `reset`): the part of the keys that keeps the counts apart. */
    private readonly kind: string,
  ) {}

  async begin(who: LoginAttemptBy): Promise<LoginAttempt | { retryAfterMs: number }> {
    const keys = throttleKeys(who);
    const prefix = `standpunt:${this.kind}:`;
    const account = prefix + keys.account;
    const address = prefix + keys.address;
    const member = randomBytes(8).toString('hex');
    const { windowMs, maxFailures } = this.limits;
    const wait = Number(
      await this.redis.eval(BEGIN, 2, account, address, windowMs, maxFailures, member),
    );
    if (wait > 0) return { retryAfterMs: wait };
    return {
      succeeded: async () => {
        await this.redis.multi().del(account).zrem(address, member).exec();
      },
    };
  }
}
