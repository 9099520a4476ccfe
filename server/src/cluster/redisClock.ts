/**
 * A Lua prelude that sets `now` to the Redis server's clock in milliseconds. Scripts that
 * count within time windows use it, so that the processes' own clocks, which may differ by
 * seconds across machines, do not shift each other's windows.
 */
export const REDIS_NOW_MS = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
`;
