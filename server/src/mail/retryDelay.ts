export interface RetryPolicy {
  /** The wait after the first failed attempt; it doubles with every further one... */
  firstDelayMs: number;
  /** ...up to this. */
  maxDelayMs: number;
}

/**
 * A greylisting server refuses the first attempt and takes one a few minutes later; a server
 * that is down may stay down for hours: so the first retry comes soon and the later ones
 * further apart, never more than `maxDelayMs`.
 */
export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 30_000, maxDelayMs: 60 * 60_000 };

/** How long to wait after the `failures`-th failed attempt (1 for the first). */
export function retryDelay(failures: number, { firstDelayMs, maxDelayMs }: RetryPolicy): number {
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, failures - 1));
}
